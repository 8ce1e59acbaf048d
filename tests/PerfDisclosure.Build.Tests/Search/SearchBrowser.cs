using Microsoft.Playwright;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Search;

/// <summary>Debian's headless Chromium driven by Playwright, and the seed site served on 127.0.0.1; one per test class.</summary>
public sealed class SearchBrowser : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser? Browser { get; private set; }

    public StaticServer? Server { get; private set; }

    /// <summary>Why browser tests cannot run here, or null when they can. In CI Chromium must be there.</summary>
    public static string? Missing => File.Exists(Chromium) ? null : $"{Chromium} is not installed (apt-get install chromium)";

    public async ValueTask InitializeAsync()
    {
        if (Missing is not null)
        {
            Assert.False(Repo.InCi, Missing);
            return;
        }

        Server = new StaticServer(BuiltSite.Root);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Timeout = 60_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        Server?.Dispose();
    }
}
