using System.Text.RegularExpressions;
using PerfDisclosure.Build.Tests.Caching;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Publishing;

/// <summary>
/// serve publishes the pages first and the site-wide downloads after them (<see cref="SiteBuilder.PagesPublished"/>):
/// in between, the site has the new pages and the downloads as they were; once the downloads are published, it is
/// the site one publish gives.
/// </summary>
public class DownloadsAfterPagesTests
{
    [Fact]
    public void The_new_pages_come_with_the_old_downloads_then_the_new_downloads_and_the_site_of_one_publish()
    {
        var (content, cache, output) = IncrementalBuildTests.Workspace();
        var options = new BuildOptions(content, Repo.Templates, output, NoPdf: true, CacheDir: cache);
        Assert.True(new SiteBuilder(options).Build().Succeeded);
        var csv = Path.Combine(output, "data", "forms.csv");
        var before = File.ReadAllText(csv);

        // One form renamed, another deleted.
        var forms = Directory.GetFiles(Path.Combine(content, "forms"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var (renamed, deleted) = (forms[0], forms[^1]);
        File.WriteAllText(renamed, Regex.Replace(File.ReadAllText(renamed), "^project_name:.*$", "project_name: 先发布页面的项目", RegexOptions.Multiline));
        File.Delete(deleted);
        var (renamedPage, deletedPage) = (Page(content, output, renamed), Page(content, output, deleted));

        (bool NewPage, bool OldDownloads, bool DeletedPageKept)? between = null;
        var result = new SiteBuilder(options)
        {
            PagesPublished = pages =>
            {
                Assert.True(pages.Succeeded);
                between = (File.ReadAllText(renamedPage).Contains("先发布页面的项目", StringComparison.Ordinal), File.ReadAllText(csv) == before, File.Exists(deletedPage));
            },
        }.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Equal((true, true, true), between);
        Assert.Contains("先发布页面的项目", File.ReadAllText(csv), StringComparison.Ordinal);
        Assert.False(File.Exists(deletedPage));
        Assert.Contains(result.Stages, s => s.Stage == "publish pages");

        var clean = Path.Combine(Repo.TempDir("downloads-after-clean"), "site");
        Assert.True(new SiteBuilder(options with { OutputDir = clean, CacheDir = null }).Build().Succeeded);
        var (twice, once) = (IncrementalBuildTests.Snapshot(output), IncrementalBuildTests.Snapshot(clean));
        Assert.Equal(once.Keys, twice.Keys);
        Assert.All(once.Keys, path => Assert.True(once[path] == twice[path], $"{path} differs from a build published once"));
    }

    [Fact]
    public void Downloads_interrupted_by_a_newer_change_leave_the_old_downloads_and_the_next_build_makes_them()
    {
        var (content, cache, output) = IncrementalBuildTests.Workspace();
        var options = new BuildOptions(content, Repo.Templates, output, NoPdf: true, CacheDir: cache);
        Assert.True(new SiteBuilder(options).Build().Succeeded);
        var (csv, workbook) = (Path.Combine(output, "data", "forms.csv"), Path.Combine(output, "data", "forms.xlsx"));
        var before = (File.ReadAllText(csv), File.ReadAllBytes(workbook));

        var form = Directory.GetFiles(Path.Combine(content, "forms"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.WriteAllText(form, Regex.Replace(File.ReadAllText(form), "^project_name:.*$", "project_name: 下载被打断的项目", RegexOptions.Multiline));
        using var newer = new CancellationTokenSource();
        var builder = new SiteBuilder(options) { PagesPublished = _ => newer.Cancel(), Interrupt = newer.Token };
        var result = builder.Build();

        // The pages are published, the downloads are the last build's, whole; no staging folder is left beside the site.
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.True(builder.DownloadsInterrupted);
        Assert.Contains("下载被打断的项目", File.ReadAllText(Page(content, output, form)), StringComparison.Ordinal);
        Assert.Equal(before.Item1, File.ReadAllText(csv));
        Assert.Equal(before.Item2, File.ReadAllBytes(workbook));
        Assert.DoesNotContain(result.Stages, s => s.Stage == "csv");
        Assert.Single(Directory.GetFileSystemEntries(Path.GetDirectoryName(output)!), e => Path.GetFileName(e).StartsWith(Path.GetFileName(output), StringComparison.Ordinal) && !Path.GetFileName(e).EndsWith(".lock", StringComparison.Ordinal));

        // The next build, not interrupted, gives the site one clean build gives.
        var next = new SiteBuilder(options) { PagesPublished = _ => { } };
        Assert.True(next.Build().Succeeded);
        Assert.False(next.DownloadsInterrupted);
        Assert.Contains("下载被打断的项目", File.ReadAllText(csv), StringComparison.Ordinal);
        var clean = Path.Combine(Repo.TempDir("downloads-interrupted-clean"), "site");
        Assert.True(new SiteBuilder(options with { OutputDir = clean, CacheDir = null }).Build().Succeeded);
        var (served, once) = (IncrementalBuildTests.Snapshot(output), IncrementalBuildTests.Snapshot(clean));
        Assert.Equal(once.Keys, served.Keys);
        Assert.All(once.Keys, path => Assert.True(once[path] == served[path], $"{path} differs from a clean build"));
    }

    [Fact]
    public void A_first_build_has_no_published_site_to_keep_downloads_from_and_publishes_once()
    {
        var (content, cache, output) = IncrementalBuildTests.Workspace();
        var called = false;
        var result = new SiteBuilder(new BuildOptions(content, Repo.Templates, output, NoPdf: true, CacheDir: cache)) { PagesPublished = _ => called = true }.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.False(called);
        Assert.True(File.Exists(Path.Combine(output, "data", "forms.xlsx")));
        Assert.DoesNotContain(result.Stages, s => s.Stage == "publish pages");
    }

    /// <summary>A form's page: its path under forms/, without the extension, is its place in the site.</summary>
    private static string Page(string content, string output, string form) =>
        Path.Combine(output, Path.ChangeExtension(Path.GetRelativePath(Path.Combine(content, "forms"), form), null)!, "index.html");
}
