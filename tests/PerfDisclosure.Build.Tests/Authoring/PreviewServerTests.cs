using System.Net;
using PerfDisclosure.Build.Authoring;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Authoring;

public class PreviewServerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_shows_a_change_then_an_error_with_its_file_and_line_then_the_fixed_page()
    {
        await using var site = new ServedSite();
        var http = site.Http;
        var html = await (await site.Ready()).Content.ReadAsStringAsync(Token);
        Assert.Contains("办公设备采购", html);
        Assert.Contains($"<script src=\"{PreviewServer.Prefix}live-reload.js\" defer></script>", html);
        Assert.Contains("location.reload", await http.GetStringAsync(PreviewServer.Prefix.TrimStart('/') + "live-reload.js", Token));

        // A change: the page shows it after the rebuild the watcher starts.
        var original = File.ReadAllText(site.Form());
        File.WriteAllText(site.Form(), original.Replace("project_name: 办公设备采购", "project_name: 办公设备采购二期", StringComparison.Ordinal));
        await site.Shows("办公设备采购二期");

        // An error: every page shows it with file and line.
        File.WriteAllText(site.Form(), original.Replace("project_name: 办公设备采购", "project_name: \"办公设备采购", StringComparison.Ordinal));
        var broken = await site.Until(() => http.GetAsync(ServedSite.Page, Token), r => r.StatusCode == HttpStatusCode.InternalServerError, "show the error page");
        var error = await broken.Content.ReadAsStringAsync(Token);
        Assert.Contains("office-equipment-purchase.yaml:7:", error);
        Assert.Contains("PD0001", error);
        Assert.Contains("live-reload.js", error);

        // Fixed: the page is back.
        File.WriteAllText(site.Form(), original);
        var back = await site.Until(() => http.GetAsync(ServedSite.Page, Token), r => r.StatusCode == HttpStatusCode.OK, "serve the fixed page");
        Assert.DoesNotContain("办公设备采购二期", await back.Content.ReadAsStringAsync(Token));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("no-such-page.css", Token)).StatusCode);
    }

    [Fact]
    public async Task A_build_that_fails_unexpectedly_is_shown_in_the_browser_under_its_registered_code()
    {
        // The output's parent is a file: the staging folder cannot be created, an I/O failure no content rule catches.
        var root = Repo.TempDir("blocked");
        var blocker = Path.Combine(root, "not-a-folder");
        File.WriteAllText(blocker, "a file, not a folder");
        await using var site = ServedSite.Over(Repo.CopyTree(Path.Combine(root, "content")), Path.Combine(blocker, "site"));

        var page = await site.Until(() => site.Http.GetAsync("", Token), r => r.StatusCode == HttpStatusCode.InternalServerError, "show the error page");
        var error = await page.Content.ReadAsStringAsync(Token);
        Assert.Contains("PD0000", error);
        Assert.Contains("The preview build failed unexpectedly: ", error); // the finding's words in the preview's language, then the exception's
        Assert.NotNull(Core.Validation.RuleSet.Default.Find("PD0000"));
        Assert.Contains("build failed", site.Log);
    }
}
