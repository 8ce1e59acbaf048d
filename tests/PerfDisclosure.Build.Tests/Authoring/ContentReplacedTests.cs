using System.Net;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Authoring;

/// <summary>
/// An author replaces the content folder while serve runs (restores a backup, switches a branch, unpacks an
/// archive): serve shows that content is gone, then serves the new folder and keeps rebuilding on every save,
/// without a restart.
/// </summary>
public class ContentReplacedTests
{
    private const string Name = "project_name: 办公设备采购";

    public static TheoryData<string> Ways => ["removed, then a backup copied in", "moved away, then a copy moved into its place", "its parent folder removed and copied back"];

    [Theory]
    [MemberData(nameof(Ways))]
    public async Task Serve_follows_a_content_folder_that_was_replaced_and_rebuilds_on_the_next_save(string way)
    {
        // content/ sits one folder down, so the parent can be replaced too.
        var root = Repo.TempDir("replaced");
        var content = Repo.CopyTree(Path.Combine(root, "project", "content"));
        var backup = Repo.CopyTree(Path.Combine(root, "backup", "content"));
        await using var site = ServedSite.Over(content);
        await site.Ready();

        switch (way)
        {
            case "removed, then a backup copied in":
                Directory.Delete(content, recursive: true);
                await ShowsTheMissingFolder(site);
                Repo.CopyTree(content, backup);
                break;
            case "moved away, then a copy moved into its place":
                Directory.Move(content, content + ".old");
                await ShowsTheMissingFolder(site);
                Directory.Move(backup, content);
                break;
            default:
                var project = Path.GetDirectoryName(content)!;
                Directory.Delete(project, recursive: true);
                await ShowsTheMissingFolder(site);
                Repo.CopyTree(content, backup);
                break;
        }

        await site.Until(() => site.Http.GetAsync(ServedSite.Page, TestContext.Current.CancellationToken), r => r.StatusCode == HttpStatusCode.OK, "serve the copied-in content");

        // Then a save in the new folder: the page shows it.
        Edit(site.Form(), "办公设备采购二期");
        await site.Shows("办公设备采购二期");
        Edit(site.Form(), "办公设备采购三期");
        await site.Shows("办公设备采购三期");
    }

    [Fact]
    public async Task A_failed_rebuild_shows_the_error_page_and_the_next_good_save_serves_the_site_again()
    {
        await using var site = new ServedSite();
        await site.Ready();
        var original = File.ReadAllText(site.Form());

        for (var round = 1; round <= 2; round++)
        {
            File.WriteAllText(site.Form(), original.Replace(Name, "project_name: \"unterminated", StringComparison.Ordinal));
            var broken = await site.Until(() => site.Http.GetAsync(ServedSite.Page, TestContext.Current.CancellationToken), r => r.StatusCode == HttpStatusCode.InternalServerError, "show the error page");
            Assert.Contains("office-equipment-purchase.yaml:7:", await broken.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

            Edit(site.Form(), $"办公设备采购{round}号");
            await site.Shows($"办公设备采购{round}号");
        }

        // While it failed, files that are no page (style sheets, data) were still served from the last good site.
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync("data/forms.json", TestContext.Current.CancellationToken)).StatusCode);
    }

    private static async Task ShowsTheMissingFolder(ServedSite site)
    {
        var gone = await site.Until(() => site.Http.GetAsync(ServedSite.Page, TestContext.Current.CancellationToken), r => r.StatusCode == HttpStatusCode.InternalServerError, "show that content/ is gone");
        Assert.Contains("content", await gone.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static void Edit(string form, string name)
    {
        var text = File.ReadAllText(form);
        var start = text.IndexOf("project_name: ", StringComparison.Ordinal);
        var end = text.IndexOf('\n', start);
        File.WriteAllText(form, text[..start] + "project_name: " + name + text[end..]);
    }
}
