using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PerfDisclosure.Build.Pdf;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Pdf;

/// <summary>The same content prints the same PDF bytes, whatever the clock or the browser did before.</summary>
public partial class ReproduciblePdfTests(PrintedCorpus corpus)
{
    /// <summary>What Chromium writes that varies between prints: the print time and the DOM node counter.</summary>
    private static string Printed(int th, int td, string time) => $"""
        %PDF-1.4
        1 0 obj
        <</Title (x)
        /CreationDate (D:{time}+00'00')
        /ModDate (D:{time}+00'00')>>
        endobj
        5 0 obj
        <</S /TD /A [<</O /Table /Headers [(node{th:D8})]>>] /ID (node{td:D8})>>
        endobj
        6 0 obj
        <</S /TH /ID (node{th:D8})>>
        endobj
        9 0 obj
        <</Limits [(node{Math.Min(th, td):D8}) (node{Math.Max(th, td):D8})]
        /Names [{(th < td ? $"(node{th:D8}) 6 0 R (node{td:D8}) 5 0 R" : $"(node{td:D8}) 5 0 R (node{th:D8}) 6 0 R")}]>>
        endobj
        """.ReplaceLineEndings("\n");

    [Fact]
    public void Chromiums_print_time_and_node_counter_do_not_reach_the_bytes()
    {
        var date = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var first = Encoding.Latin1.GetBytes(Printed(th: 7186, td: 7216, time: "20261123170150"));
        var second = Encoding.Latin1.GetBytes(Printed(th: 6990, td: 6900, time: "20261124081502"));

        var normalised = Encoding.Latin1.GetString(ReproduciblePdf.Normalise(first, date));

        Assert.Equal(normalised, Encoding.Latin1.GetString(ReproduciblePdf.Normalise(second, date)));
        Assert.Equal(first.Length, normalised.Length);
        Assert.Contains("/CreationDate (D:20240301000000+00'00')\n/ModDate (D:20240301000000+00'00')", normalised, StringComparison.Ordinal);
        // Numbered in the order the elements appear: the TD (object 5) first, then the TH its /Headers names.
        Assert.Contains("/Headers [(node00000001)]>>] /ID (node00000000)", normalised, StringComparison.Ordinal);
        Assert.Contains("/S /TH /ID (node00000001)", normalised, StringComparison.Ordinal);
        // A name tree's keys stay sorted, each still pointing at its element.
        Assert.Contains("/Limits [(node00000000) (node00000001)]\n/Names [(node00000000) 5 0 R (node00000001) 6 0 R]", normalised, StringComparison.Ordinal);
    }

    [Fact]
    public void The_date_is_source_date_epoch_when_set_else_the_forms_own_never_the_clock()
    {
        var epoch = new DateTimeOffset(2025, 6, 30, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(epoch, ReproduciblePdf.DateOf(epoch, new DateOnly(2024, 1, 1)));
        Assert.Equal(new DateTimeOffset(2024, 5, 20, 0, 0, 0, TimeSpan.Zero), ReproduciblePdf.DateOf(null, new DateOnly(2024, 5, 20)));
        Assert.Equal("D:20250630120000+00'00'", ReproduciblePdf.PdfDate(epoch));
    }

    [Fact]
    public void A_page_gives_its_title_language_and_public_address()
    {
        const string html = """<html lang="zh-CN"><head><title>项目 &amp; 表 - 站</title><link rel="canonical" href="https://x.gov.cn/a/b/"></head></html>""";
        Assert.Equal("项目 & 表 - 站", PageHead.Title(html));
        Assert.Equal("zh-CN", PageHead.Lang(html));
        Assert.Equal("https://x.gov.cn/a/b/", PageHead.Canonical(html));
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
