using PerfDisclosure.Build.OpenData;

namespace PerfDisclosure.Build.Tests.OpenData;

public class CsvWriterTests
{
    /// <summary>The CSVs are for programs: a target such as =100.00(%) is written as published, with no apostrophe (people get the .xlsx).</summary>
    [Theory]
    [InlineData("=100.00(%)", "=100.00(%)")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+1", "+1+1")]
    [InlineData("-2+3", "-2+3")]
    [InlineData("@SUM(A1)", "@SUM(A1)")]
    [InlineData("\tcmd", "\"\tcmd\"")]
    [InlineData("\r=1", "\"\r=1\"")]
    public void A_text_cell_is_written_exactly_as_published(string text, string expected) =>
        Assert.Equal(expected, CsvWriter.Format(text));

    [Theory]
    [InlineData("≥90.00(%)", "≥90.00(%)")]
    [InlineData("规范, 及时", "\"规范, 及时\"")]
    [InlineData("说\"明\"", "\"说\"\"明\"\"\"")]
    [InlineData("两行\n文字", "\"两行\n文字\"")]
    public void Ordinary_text_is_quoted_only_when_needed(string text, string expected) =>
        Assert.Equal(expected, CsvWriter.Format(text));

    [Fact]
    public void Numbers_stay_numbers_even_when_negative()
    {
        Assert.Equal("-12.50", CsvWriter.Format(-12.50m));
        Assert.Equal("2024", CsvWriter.Format(2024));
        Assert.Equal(string.Empty, CsvWriter.Format(null));
        Assert.Equal("2026-01-01", CsvWriter.Format(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void Rows_end_in_crlf_and_files_have_no_bom()
    {
        var text = new StringWriter();
        new CsvWriter(text).WriteRow(["a", 1m, null, "=x", new PrintedNumber(1234.5m, "#,##0.00")]);
        Assert.Equal("a,1,,=x,1234.5\r\n", text.ToString());
        Assert.Empty(CsvWriter.Encoding.GetPreamble());
    }
}
