using Microsoft.Playwright;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Browser;

/// <summary>A site whose forms the reading tests open: content/ with the built-in theme, a worked example under docs/examples/, or a layout written at test time.</summary>
public sealed record ReadingSite(string Name, string Content, string? Templates)
{
    /// <summary>content/, every example site found under docs/examples/ (a folder with a content/ folder), then <see cref="OwnLayoutSite"/>.</summary>
    public static IReadOnlyList<ReadingSite> All { get; } =
    [
        new("content", Repo.Content, Repo.Templates),
        .. Directory.EnumerateDirectories(Path.Combine(Repo.Root, "docs", "examples"))
            .Where(d => Directory.Exists(Path.Combine(d, "content")))
            .Order(StringComparer.Ordinal)
            .Select(d => new ReadingSite(Path.GetFileName(d), Path.Combine(d, "content"), Directory.Exists(Path.Combine(d, "templates")) ? Path.Combine(d, "templates") : null)),
        new(OwnLayoutSite.Name, OwnLayoutSite.Content, OwnLayoutSite.Templates),
    ];

    /// <summary>The site's model, as loaded (no output written).</summary>
    public SiteModel Model() => Models.GetOrAdd(Name, _ =>
    {
        var (loaded, diagnostics) = new SiteBuilder(new BuildOptions(Content, Templates, Path.Combine(Repo.TempDir("reading-check"), "site"))).Check();
        return SiteModel.Build(loaded, diagnostics);
    });

    /// <summary>Per layout the site uses, the form with the most indicators (its first in site order among equals).</summary>
    public IEnumerable<FormEntry> OneFormPerLayout() =>
        Model().Forms.GroupBy(f => f.Layout.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.OrderByDescending(f => f.Form.Indicators.Count).First());

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SiteModel> Models = new(StringComparer.Ordinal);
}

/// <summary>Every <see cref="ReadingSite"/> built for real and served, and Chromium; skips like <see cref="BrowserFixture"/> without it.</summary>
public sealed class ReadingSitesFixture : IAsyncLifetime
{
    private readonly Dictionary<string, StaticServer> servers = new(StringComparer.Ordinal);
    private IPlaywright? playwright;

    public IBrowser? Browser { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
        {
            return;
        }

        foreach (var site in ReadingSite.All)
        {
            var port = StaticServer.FreePort();
            var root = Path.Combine(Repo.TempDir("reading-" + site.Name), "site");
            var result = new SiteBuilder(new BuildOptions(site.Content, site.Templates, root, StaticServer.AddressFor(port)) { NoPdf = true }).Build();
            Assert.True(result.Succeeded, site.Name + ": " + string.Join("; ", result.Diagnostics.Where(d => d.IsError)));
            servers[site.Name] = new StaticServer(root, port);
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public string Address(string site, string path) => servers[site].BaseAddress + path;

    public IBrowser Require()
    {
        if (Browser is null)
        {
            var reason = $"Chromium not found at {BrowserFixture.ChromiumPath}: apt-get install chromium (.ci/run does)";
            if (Repo.InCi)
            {
                Assert.Fail(reason);
            }

            Assert.Skip(reason);
        }

        return Browser!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        foreach (var server in servers.Values)
        {
            server.Dispose();
        }
    }
}
