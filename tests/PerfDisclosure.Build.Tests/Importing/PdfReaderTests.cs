using System.Diagnostics;
using PerfDisclosure.Build.Importing;
using PerfDisclosure.Core.Validation.Rules.Import;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Importing;

public class PdfReaderTests
{
    [Fact]
    public void Ruling_lines_make_the_cells_a_merged_cell_keeps_its_text_first_a_wrapped_line_is_joined_and_a_short_one_ends_its_paragraph()
    {
        var pdf = Fixture("ruled.pdf", PdfFixture.Text(60, 760, "Heading")
            + PdfFixture.Line(50, 740, 110, 740) + PdfFixture.Line(50, 700, 110, 700) + PdfFixture.Line(50, 680, 110, 680)
            + PdfFixture.Line(50, 680, 50, 740) + PdfFixture.Line(110, 680, 110, 740) + PdfFixture.Line(80, 680, 80, 700)
            + PdfFixture.Line(110, 740, 250, 740) + PdfFixture.Line(110, 700, 250, 700) + PdfFixture.Line(250, 700, 250, 740)
            + PdfFixture.Text(60, 725, "wrapped") + PdfFixture.Text(60, 710, "text")
            + PdfFixture.Text(120, 725, "ends") + PdfFixture.Text(120, 710, "here")
            + PdfFixture.Text(55, 686, "a") + PdfFixture.Text(85, 686, "b")
            + PdfFixture.Text(280, 30, "Page 1"));
        var notes = new List<ImportNote>();

        var table = PdfReader.Read(pdf, "ruled.pdf", SourceLimits.Default, notes);

        Assert.Equal("ruled.pdf#p", table.File);
        Assert.Equal(
            [[(10001, 1, "Heading")], [(10002, 1, "wrapped text"), (10002, 2, ""), (10002, 3, "ends\n\nhere")], [(10003, 1, "a"), (10003, 2, "b")], [(10004, 1, "")]],
            table.Rows.Select(r => r.Select(c => (c.Row, c.Column, c.Text)).ToList()).ToList());
        var note = Assert.Single(notes);
        Assert.Equal((PdfImportRules.PageFurniture, 10004), (note.Rule, note.Row));
        Assert.Contains("Page 1", note.Message, StringComparison.Ordinal);
        Assert.Equal("ruled.pdf:1:4", SourcePlace.Of(table.File, note.Row, note.Column));
    }

    [Fact]
    public void Without_ruling_lines_words_far_apart_are_cells_in_the_columns_their_left_edges_share()
    {
        var pdf = Fixture("unruled.pdf", PdfFixture.Text(50, 700, "Name") + PdfFixture.Text(200, 700, "Value")
            + PdfFixture.Text(50, 680, "Total amount") + PdfFixture.Text(200, 680, "12")
            + PdfFixture.Text(200, 660, "only the second column"));

        var table = PdfReader.Read(pdf, "unruled.pdf", SourceLimits.Default, []);

        Assert.Equal(
            [[(1, "Name"), (2, "Value")], [(1, "Total amount"), (2, "12")], [(1, ""), (2, "only the second column")]],
            table.Rows.Select(r => r.Select(c => (c.Column, c.Text)).ToList()).ToList());
    }

    [Theory]
    [InlineData(PdfFixture.Image, "a scan")]
    [InlineData("", "holds no text")]
    public void A_pdf_without_text_is_reported_as_a_scan_never_guessed(string page, string says)
    {
        var pdf = Fixture("scan.pdf", page, page);

        var e = Assert.Throws<SourceFileException>(() => FormImport.Read(pdf, FormImportTests.Settings));

        Assert.Same(ImportRules.ScannedPdf, e.Rule);
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("error PD1010: PDF 中没有文字（扫描件）", ImportRun.Unreadable(e, "zh"), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ImportRun.Unreadable(e, "zh"));
    }

    [Theory]
    [InlineData("not a pdf at all\n")]
    [InlineData("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R")]
    public void A_damaged_file_is_one_line_naming_it(string bytes)
    {
        var pdf = Path.Combine(Repo.TempDir("pdf"), "damaged.pdf");
        File.WriteAllText(pdf, bytes);

        var e = Assert.Throws<SourceFileException>(() => FormImport.Read(pdf, FormImportTests.Settings));

        Assert.Same(ImportRules.Unreadable, e.Rule);
        Assert.Contains("damaged.pdf", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("error PD1011: 文件无法读取", ImportRun.Unreadable(e, "zh"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_encrypted_pdf_is_one_line_saying_so()
    {
        var plain = Fixture("plain.pdf", PdfFixture.Text(50, 700, "secret"));
        var encrypted = Path.Combine(Path.GetDirectoryName(plain)!, "encrypted.pdf");
        using (var qpdf = Process.Start(new ProcessStartInfo("qpdf", ["--encrypt", "user", "owner", "256", "--", plain, encrypted]) { RedirectStandardError = true }))
        {
            qpdf!.WaitForExit();
            Assert.Equal(0, qpdf.ExitCode);
        }

        var e = Assert.Throws<SourceFileException>(() => FormImport.Read(encrypted, FormImportTests.Settings));

        Assert.Same(ImportRules.Unreadable, e.Rule);
        Assert.Contains("encrypted", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 100_000, "page limit")]
    [InlineData(1_000, 3, "(the page limit)")]
    public void Pages_and_what_a_page_draws_are_capped(int pages, int objects, string says)
    {
        var pdf = Fixture("big.pdf", PdfFixture.Text(50, 700, "first page"), PdfFixture.Text(50, 700, "second"));

        var e = Assert.Throws<SourceFileException>(() => PdfReader.Read(pdf, "big.pdf", SourceLimits.Default with { MaxPdfPages = pages, MaxPdfPageObjects = objects }, []));

        Assert.Contains(says, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("big.pdf", e.Message, StringComparison.Ordinal);
    }

    private static string Fixture(string name, params string[] pages)
    {
        var path = Path.Combine(Repo.TempDir("pdf"), name);
        PdfFixture.Write(path, pages);
        return path;
    }
}
