using PerfDisclosure.Build.Pdf;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation.Rules.Outputs;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Pdf;

/// <summary>What a build does about PDFs when Chromium is missing, or when told to skip or require them.</summary>
public class PdfStageTests
{
    private const string NoChromium = "/nonexistent/chromium";

    [Fact]
    public void Without_chromium_the_site_is_built_and_one_line_says_pdfs_were_skipped_and_how_to_install_chromium()
    {
        var output = Path.Combine(Repo.TempDir("pdf-skip"), "site");
        var result = new SiteBuilder(new BuildOptions(Repo.Content, Repo.Templates, output, Chromium: NoChromium)).Build();

        Assert.True(result.Succeeded);
        var skipped = Assert.Single(result.Diagnostics, d => d.Code == OutputRules.PdfSkipped.Code);
        Assert.Equal(Severity.Info, skipped.Severity);
        Assert.Contains("apt-get install chromium", skipped.MessageEn, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', skipped.MessageEn);
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
        Assert.Empty(Directory.EnumerateFiles(output, "*.pdf", SearchOption.AllDirectories));
        Assert.DoesNotContain(".pdf\"", File.ReadAllText(Path.Combine(output, "sh-minhang-investment-promotion/2026/legal-counsel/index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Require_pdf_fails_the_build_without_chromium_and_leaves_the_site_as_it_was()
    {
        var output = Path.Combine(Repo.TempDir("pdf-require"), "site");
        var result = new SiteBuilder(new BuildOptions(Repo.Content, Repo.Templates, output, RequirePdf: true, Chromium: NoChromium)).Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == OutputRules.PdfSkipped.Code && d.IsError && d.MessageEn.Contains(NoChromium, StringComparison.Ordinal));
        Assert.False(Directory.Exists(output));
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
    public void The_chromium_option_wins_over_the_environment_and_the_usual_paths()
    {
        Assert.Equal((null, $"--chromium {NoChromium}: no such file"), ChromiumLocator.Find(NoChromium));
        var fake = Path.Combine(Repo.TempDir("chromium"), "chrome");
        File.WriteAllText(fake, string.Empty);
        Assert.Equal(fake, ChromiumLocator.Find(fake).Path);
    }
}
