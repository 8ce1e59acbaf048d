using PerfDisclosure.Build.Pdf;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation.Rules.Outputs;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Pdf;

/// <summary>What a build does about PDFs when the engine is missing, or when told to skip or require them.</summary>
public class PdfStageTests
{
    private const string NoEngine = "/nonexistent/pdf-engine";

    private const string Hint = "npm ci --prefix pdf-engine";

    /// <summary>The options of a build whose engine is missing.</summary>
    private static BuildOptions Missing(string output, bool require = false) =>
        new(Repo.Content, Repo.Templates, output, RequirePdf: require, PdfEngineDir: NoEngine);

    [Fact]
    public void Without_the_engine_the_site_is_built_and_one_line_says_pdfs_were_skipped_and_how_to_get_them()
    {
        var output = Path.Combine(Repo.TempDir("pdf-skip"), "site");
        var result = new SiteBuilder(Missing(output)).Build();

        Assert.True(result.Succeeded);
        var skipped = Assert.Single(result.Diagnostics, d => d.Code == OutputRules.PdfSkipped.Code);
        Assert.Equal(Severity.Info, skipped.Severity);
        Assert.Contains(Hint, skipped.MessageEn, StringComparison.Ordinal);
        Assert.Contains(Hint, skipped.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', skipped.MessageEn);
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
        Assert.Empty(Directory.EnumerateFiles(output, "*.pdf", SearchOption.AllDirectories));
        Assert.DoesNotContain(".pdf\"", File.ReadAllText(Path.Combine(output, "sh-minhang-investment-promotion/2026/legal-counsel/index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Require_pdf_fails_the_build_without_the_engine_and_leaves_the_site_as_it_was()
    {
        var output = Path.Combine(Repo.TempDir("pdf-require"), "site");
        var result = new SiteBuilder(Missing(output, require: true)).Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == OutputRules.PdfSkipped.Code && d.IsError && d.MessageEn.Contains(NoEngine, StringComparison.Ordinal));
        Assert.False(Directory.Exists(output));

        // A site already there stays as it was, file for file.
        var built = new SiteBuilder(Missing(output) with { NoPdf = true }).Build();
        Assert.True(built.Succeeded, string.Join('\n', built.Diagnostics));
        var before = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f))).ToList();
        Assert.False(new SiteBuilder(Missing(output, require: true)).Build().Succeeded);
        Assert.Equal(before, Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f))));
    }

    [Fact]
    public void No_pdf_skips_them_on_purpose_without_a_word()
    {
        var output = Path.Combine(Repo.TempDir("pdf-off"), "site");
        var result = new SiteBuilder(new BuildOptions(Repo.Content, Repo.Templates, output, NoPdf: true)).Build();

        Assert.True(result.Succeeded);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == OutputRules.PdfSkipped.Code);
        Assert.Empty(Directory.EnumerateFiles(output, "*.pdf", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_engine_folder_option_names_the_folder_and_a_folder_without_installed_packages_is_no_engine()
    {
        Assert.Equal((null, null, $"--pdf-engine-dir {NoEngine}: no installed engine there"), TypstEngine.Find(NoEngine));
        var bare = Repo.TempDir("pdf-engine");
        foreach (var file in new[] { "worker.js", "fonts.conf", "package.json" })
        {
            File.Copy(Path.Combine(Repo.Root, "pdf-engine", file), Path.Combine(bare, file));
        }

        Assert.Null(TypstEngine.Find(bare).Folder);
    }

    [Fact]
    public void A_document_the_engine_refuses_fails_the_build_naming_the_pdf_and_the_site_stays_as_it_was()
    {
        var (folder, node, reason) = TypstEngine.Find();
        if (folder is null || node is null)
        {
            Assert.True(!Repo.InCi, $"the PDF engine is needed: {reason} (.ci/run installs it)");
            Assert.Skip(reason);
        }

        var error = Assert.Throws<TypstException>(() => TypstPrinter.Print(folder, node, [new TypstJob("a/b.pdf", "#table(columns: 2, table.cell(x: 5, y: 0, \"x\"))", "k", DateTimeOffset.UnixEpoch)], 1, (_, _, _) => { }));
        Assert.Equal("a/b.pdf", error.SitePath);
        Assert.DoesNotContain('\n', error.Reason);
    }
}
