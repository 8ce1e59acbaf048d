using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PerfDisclosure.Build.Pdf;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Pdf;

/// <summary>The same content typesets the same PDF bytes, whatever the clock.</summary>
public partial class ReproduciblePdfTests(PrintedCorpus corpus)
{
    [Fact]
    public void The_date_is_source_date_epoch_when_set_else_the_forms_own_never_the_clock()
    {
        var epoch = new DateTimeOffset(2025, 6, 30, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(epoch, ReproduciblePdf.DateOf(epoch, new DateOnly(2024, 1, 1)));
        Assert.Equal(new DateTimeOffset(2024, 5, 20, 0, 0, 0, TimeSpan.Zero), ReproduciblePdf.DateOf(null, new DateOnly(2024, 5, 20)));
    }

    [Fact]
    public void Two_fresh_prints_of_the_corpus_are_byte_identical_and_each_pdf_has_its_own_title_and_date()
    {
        corpus.Require();
        Assert.True(corpus.Result.Succeeded, string.Join('\n', corpus.Result.Diagnostics));
        var again = Path.Combine(Repo.TempDir("pdf-again"), "site");
        var result = new SiteBuilder(new BuildOptions(Repo.Content, Repo.Templates, again, RequirePdf: true)).Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));

        var pdfs = Directory.EnumerateFiles(corpus.Output, "*.pdf", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(corpus.Output, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(52, pdfs.Count);
        Assert.Equal(pdfs, Directory.EnumerateFiles(again, "*.pdf", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(again, f)).Order(StringComparer.Ordinal));
        var differing = pdfs.Where(p => !File.ReadAllBytes(Path.Combine(corpus.Output, p)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(again, p)))).ToList();
        Assert.True(differing.Count == 0, "printed differently:\n" + string.Join('\n', differing));

        var sourceDate = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        foreach (var entry in corpus.Site.Forms)
        {
            var path = corpus.PathOf(PdfPaths.Form(entry));
            var bytes = Encoding.Latin1.GetString(File.ReadAllBytes(path));
            Assert.Contains($"Title:           {entry.Form.ProjectName} {entry.Layout.Title}（{entry.Form.Year}年度）\n", Poppler.Info(path), StringComparison.Ordinal);
            var expected = sourceDate is null ? entry.Updated.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "000000"
                : DateTimeOffset.FromUnixTimeSeconds(long.Parse(sourceDate, CultureInfo.InvariantCulture)).UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            Assert.All(PdfDates().Matches(bytes), d => Assert.Equal(expected, d.Groups[1].Value));
            Assert.DoesNotContain("file://", bytes, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_rewritten_pdf_passes_qpdfs_structural_check()
    {
        corpus.Require();
        if (!File.Exists("/usr/bin/qpdf"))
        {
            Assert.True(!Repo.InCi, "qpdf is missing (.ci/run installs it)");
            Assert.Skip("qpdf checks the rewritten PDFs' structure: apt-get install qpdf");
        }

        var pdfs = Directory.EnumerateFiles(corpus.Output, "*.pdf", SearchOption.AllDirectories).ToList();
        Assert.Equal(52, pdfs.Count);
        // qpdf exits non-zero on any error or warning (a broken cross-reference table, an unreadable object).
        Assert.All(pdfs, pdf => Assert.Contains("No syntax or stream encoding errors found", Poppler.Run("qpdf", ["--check", pdf]), StringComparison.Ordinal));
    }

    [GeneratedRegex(@"/(?:CreationDate|ModDate) \(D:(\d{14})")]
    private static partial Regex PdfDates();
}
