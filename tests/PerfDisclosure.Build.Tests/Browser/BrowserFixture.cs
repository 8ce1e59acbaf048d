using Microsoft.Playwright;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright, and the built site served on 127.0.0.1 under /budget/.
/// Without Chromium the browser tests skip locally with the reason; in CI they fail instead.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser? Browser { get; private set; }

    public StaticServer? Server { get; private set; }

    /// <summary>The built site's folder, for pages opened from the file system (file://).</summary>
    public string? SiteRoot { get; private set; }

    /// <summary>Where screenshots go (TestResults/screenshots, ignored by git); the tests print it.</summary>
    public static string Screenshots { get; } = Path.Combine(Repo.Root, "TestResults", "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        // Built for the server's own address, so even the 404 page's absolute links resolve in the test.
        var port = StaticServer.FreePort();
        var root = Path.Combine(Repo.TempDir("browser"), "site");
        var result = new SiteBuilder(new BuildOptions(Repo.Content, Repo.Templates, root, StaticServer.AddressFor(port))).Build();
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics.Where(d => d.IsError)));
        SiteRoot = root;
        Server = new StaticServer(root, port);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>The browser, or a skip (locally) / failure (CI) saying Chromium is missing.</summary>
    public IBrowser Require()
    {
        if (Browser is not null)
        {
            return Browser;
        }

        var reason = $"Chromium not found at {ChromiumPath}: apt-get install chromium (.ci/run does)";
        if (Repo.InCi)
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
        return null!;
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
