using PerfDisclosure.Build.Tests.Pdf;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Authoring;

/// <summary>
/// <c>serve</c> is HTML only unless <c>--pdf</c>; with it, each save is built and served without PDFs first (the page
/// reloads), then printed. On the 甲省 example (two forms, its own layout), with the real Typst engine.
/// </summary>
public class PreviewPdfTests
{
    private const string Example = "province-a-target";

    private static (string Content, string Output, string Templates) Copy(string name)
    {
        var example = Path.Combine(Repo.Root, "docs", "examples", Example);
        var root = Repo.TempDir(name);
        return (Repo.CopyTree(Path.Combine(root, "content"), Path.Combine(example, "content")), Path.Combine(root, "site"), Path.Combine(example, "templates"));
    }

    private static string FirstForm(string content) => Directory.EnumerateFiles(Path.Combine(content, "forms"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();

    private static string PageOf(string content, string form) => Path.ChangeExtension(Path.GetRelativePath(Path.Combine(content, "forms"), form), null).Replace('\\', '/') + "/";

    private static int Pdfs(string output) => Directory.Exists(output) ? Directory.EnumerateFiles(output, "*.pdf", SearchOption.AllDirectories).Count() : 0;

    [Fact]
    public async Task By_default_the_preview_is_html_only()
    {
        var (content, output, templates) = Copy("serve-html-only");
        await using var site = ServedSite.Over(content, output, templates);
        var page = PageOf(content, FirstForm(content));
        await site.Until(() => site.Http.GetAsync(page, TestContext.Current.CancellationToken), r => r.IsSuccessStatusCode, "serve its first build");
        File.AppendAllText(FirstForm(content), "\n");
        await site.Until(() => Task.FromResult(site.Log), log => log.Split("rebuilt (HTML)").Length > 2, "rebuild after a save");

        Assert.Equal(0, Pdfs(output));
        Assert.DoesNotContain("HTML and PDFs", site.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_pdf_each_save_is_served_as_html_first_then_printed()
    {
        new PrintedCorpus().Require(); // the Typst engine and poppler-utils (fails under CI=true when missing)
        var (content, output, templates) = Copy("serve-pdf");
        await using var site = ServedSite.Over(content, output, templates, pdf: true);
        var form = FirstForm(content);
        var page = PageOf(content, form);
        await site.Until(() => Task.FromResult(site.Log), log => log.Contains("rebuilt (HTML and PDFs)", StringComparison.Ordinal), "print the PDFs of its first build");
        Assert.True(site.Log.IndexOf("rebuilt (HTML)", StringComparison.Ordinal) < site.Log.IndexOf("rebuilt (HTML and PDFs)", StringComparison.Ordinal), site.Log);
        Assert.NotEqual(0, Pdfs(output));

        // A save: the HTML build is served (the page shows the change) and logged before the printing one.
        var text = File.ReadAllText(form);
        var name = text.Split('\n').First(l => l.StartsWith("project_name: ", StringComparison.Ordinal))["project_name: ".Length..];
        File.WriteAllText(form, text.Replace("project_name: " + name, "project_name: " + name + "（改）", StringComparison.Ordinal));
        await site.Until(() => site.Http.GetStringAsync(page, TestContext.Current.CancellationToken), t => t.Contains(name + "（改）", StringComparison.Ordinal), "show the change");
        await site.Until(() => Task.FromResult(site.Log), log => log.Split("rebuilt (HTML and PDFs)").Length > 2, "print the PDFs again after the save");
        var lines = site.Log.Split('\n').Where(l => l.StartsWith("rebuilt (", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(')', StringComparison.Ordinal)]).ToList();
        Assert.True(lines.Count >= 4 && lines.Count % 2 == 0, site.Log);
        Assert.All(lines.Chunk(2), pair => Assert.Equal(["rebuilt (HTML", "rebuilt (HTML and PDFs"], pair));
        Assert.NotEqual(0, Pdfs(output));
    }
}
