using System.Text;
using PerfDisclosure.Build.Importing;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Importing;

/// <summary>
/// The workbook reader keeps the cells present and nothing else, within <see cref="SourceLimits"/>: a hostile or
/// damaged workbook is one <see cref="SourceFileException"/> line naming the file, the place and the limit, read in
/// memory that follows its cells, never the grid they span or the size its zip claims.
/// </summary>
public class WorkbookReaderTests
{
    private static readonly SourceLimits Small = new() { MaxRows = 100, MaxColumns = 10, MaxCells = 20, MaxCellChars = 50, MaxUncompressedBytes = 1 << 20, RatioGraceBytes = 64 << 10 };

    public static TheoryData<string, string, string> Refused => new()
    {
        { "the only cell at XFD1048576", Sheet("<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row>"), "the row limit" },
        { "a cell past the last column allowed", Sheet("<row r=\"1\"><c r=\"K1\"><v>1</v></c></row>"), "K1 is in column 11, past the limit of 10 columns (the column limit)" },
        { "a cell past the last row allowed", Sheet("<row r=\"101\"><c r=\"A101\"><v>1</v></c></row>"), "past the limit of 100 rows (the row limit)" },
        { "more cells than allowed", Sheet(string.Concat(Enumerable.Range(1, 21).Select(r => $"<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c></row>"))), "more than 20 cells hold a value (the cell limit)" },
        { "an inline string over the cell size", Sheet($"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>{new string('长', 51)}</t></is></c></row>"), "cell A1 holds more than 50 characters (the cell size limit)" },
        { "a number over the cell size", Sheet($"<row r=\"1\"><c r=\"B1\"><v>{new string('9', 51)}</v></c></row>"), "cell B1 holds more than 50 characters (the cell size limit)" },
        { "a shared string index past the table", Sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>"), "refers to shared string '7', but the workbook has 0" },
        { "a shared string index that is no number", Sheet("<row r=\"1\"><c r=\"C2\" t=\"s\"><v>-1</v></c></row>"), "cell C2 refers to shared string '-1'" },
        { "a cell reference past XFD", Sheet("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>"), "cell reference 'XFE1' is not one Excel allows" },
        { "a cell reference with no row", Sheet("<row r=\"1\"><c r=\"AB\"><v>1</v></c></row>"), "cell reference 'AB' is not one Excel allows" },
        { "a row number of zero", Sheet("<row r=\"0\"><c><v>1</v></c></row>"), "row number '0' is not one Excel allows" },
        { "a sheet cut in the middle", Sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")[..60], "not a workbook that can be read" },
        { "a sheet that is not XML", "这不是 XML", "not a workbook that can be read" },
        { "a DTD with an entity bomb", "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>" + Sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&b;</t></is></c></row>"), "not a workbook that can be read" },
        { "an external entity", "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + Sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t></is></c></row>"), "not a workbook that can be read" },
        { "too many merged ranges", Sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", $"<mergeCells>{string.Concat(Enumerable.Repeat("<mergeCell ref=\"A1:B2\"/>", 21))}</mergeCells>"), "more than 20 merged ranges (the cell limit)" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_workbook_past_a_limit_or_damaged_is_one_line_naming_the_file_and_the_limit(string what, string sheetXml, string says)
    {
        var path = Workbook(sheetXml);
        var error = Assert.Throws<SourceFileException>(() => XlsxReader.Read(path, "forms.xlsx", Small));
        Assert.True(error.Message.Contains(says, StringComparison.Ordinal), $"{what}: {error.Message}");
        Assert.StartsWith("forms.xlsx", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("长长长长长长", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_only_cell_at_xfd1048576_is_refused_at_once_with_the_default_limits_in_little_memory()
    {
        var path = Workbook(Sheet("<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row>"));
        Assert.True(new FileInfo(path).Length < 2000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<SourceFileException>(() => XlsxReader.Read(path, "xfd.xlsx"));
        Assert.Contains("xfd.xlsx#表1:1048576:16384: cell XFD1048576 is in row 1048576, past the limit of 65536 rows (the row limit)", error.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4 << 20, $"{GC.GetAllocatedBytesForCurrentThread() - before} bytes allocated");
    }

    [Fact]
    public void Cells_far_apart_cost_memory_for_the_cells_not_for_the_grid_between_them()
    {
        // A1 and IV65536, the corners the default limits allow, and a sheet that declares the whole grid as its dimension.
        var path = Workbook(Sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>左上</t></is></c></row><row r=\"65536\"><c r=\"IV65536\"><v>42</v></c></row>").Replace("<sheetData>", "<dimension ref=\"A1:XFD1048576\"/><sheetData>", StringComparison.Ordinal));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var table = Assert.Single(XlsxReader.Read(path, "corners.xlsx"));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4 << 20, $"{GC.GetAllocatedBytesForCurrentThread() - before} bytes allocated");

        Assert.Equal(65536, table.Rows.Count);
        Assert.Equal(new SourceCell(1, 1, "左上"), table.Rows[0][0]);
        Assert.Equal(256, table.Rows[65535].Count);
        Assert.Equal(new SourceCell(65536, 256, "42"), table.Rows[65535][255]);
        Assert.Equal(new SourceCell(65536, 100, string.Empty), table.Rows[65535][99]);
        Assert.Equal([new SourceCell(300, 1, string.Empty)], table.Rows[299]);
    }

    [Fact]
    public void A_zip_bomb_entry_is_refused_by_its_ratio_and_a_large_entry_by_its_size_as_it_inflates()
    {
        var zeros = Sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", new string(' ', 900 << 10));
        var bomb = Workbook(zeros);
        Assert.Contains("inflates more than 100 times its compressed size (the compression ratio limit)", Assert.Throws<SourceFileException>(() => XlsxReader.Read(bomb, "bomb.xlsx", Small)).Message, StringComparison.Ordinal);

        var random = new Random(14);
        var noise = string.Concat(Enumerable.Range(0, 1_200_000).Select(_ => random.Next(2) == 0 ? '0' : '1'));
        var large = Path.Combine(Repo.TempDir("xlsx-limits"), "large.xlsx");
        XlsxFixture.WriteParts(large, Sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"), sharedStrings: "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>x</t></si></sst>", extra: ("xl/sharedStrings.xml", Encoding.ASCII.GetBytes(noise)));
        Assert.Contains("larger than 1048576 bytes uncompressed (the uncompressed size limit)", Assert.Throws<SourceFileException>(() => XlsxReader.Read(large, "large.xlsx", Small)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_workbook_is_one_line_not_a_stack_trace()
    {
        var whole = Workbook(Sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>二级项目支出绩效目标申报表</t></is></c></row>"));
        var bytes = File.ReadAllBytes(whole);
        foreach (var length in new[] { 0, 4, 30, bytes.Length / 2, bytes.Length - 10 })
        {
            var cut = Path.Combine(Repo.TempDir("xlsx-cut"), "cut.xlsx");
            File.WriteAllBytes(cut, bytes[..length]);
            var error = Assert.Throws<SourceFileException>(() => XlsxReader.Read(cut, "cut.xlsx"));
            Assert.StartsWith("cut.xlsx: not a", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Text_is_read_as_excel_shows_it_shared_and_inline_strings_escapes_dates_and_merged_ranges()
    {
        var path = Path.Combine(Repo.TempDir("xlsx-text"), "text.xlsx");
        const string Main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
        XlsxFixture.WriteParts(
            path,
            Sheet(
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>1</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>a_x000D_b_x005F_x0041_</t></is></c><c r=\"B2\" s=\"1\"><v>45658</v></c><c r=\"C2\" s=\"2\"><v>45658.5</v></c><c r=\"D2\"><v>0.1</v></c></row>"
                + "<row r=\"4\"><c r=\"B4\" t=\"inlineStr\"><is><r><t xml:space=\"preserve\">合 </t></r><r><t>并</t></r></is></c><c r=\"C4\" t=\"inlineStr\"><is><t>被合并的格子</t></is></c></row>"
                + "<row><c t=\"b\"><v>1</v></c><c><f>1+1</f><v>2</v></c></row>",
                "<mergeCells count=\"1\"><mergeCell ref=\"B4:D4\"/></mergeCells>"),
            sharedStrings: $"<sst {Main}><si><t>项目名称</t><rPh sb=\"0\" eb=\"2\"><t>ピンイン</t></rPh></si><si><r><t>  办公</t></r><r><t>设备 </t></r></si></sst>",
            styles: $"<styleSheet {Main}><numFmts><numFmt numFmtId=\"180\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"180\"/></cellXfs></styleSheet>");

        var rows = Assert.Single(XlsxReader.Read(path, "text.xlsx")).Rows;
        string Cell(int row, int column) => rows[row - 1].FirstOrDefault(c => c.Column == column)?.Text ?? string.Empty;
        Assert.Equal(("项目名称", "1", "办公设备"), (Cell(1, 1), Cell(1, 2), Cell(1, 3)));
        Assert.Equal(("a\rb_x0041_", "2025-01-01", "2025-01-01", "0.1"), (Cell(2, 1), Cell(2, 2), Cell(2, 3), Cell(2, 4)));
        Assert.Equal(("合 并", string.Empty), (Cell(4, 2), Cell(4, 3)));
        Assert.Equal(("TRUE", "2"), (Cell(5, 1), Cell(5, 2)));
        Assert.Equal([new SourceCell(3, 1, string.Empty)], rows[2]);
    }

    [Fact]
    public void A_tab_separated_file_in_gbk_is_read_as_content_files_are_with_the_same_warning()
    {
        var folder = Repo.TempDir("tsv-gbk");
        var utf8 = Path.Combine(folder, "utf8.txt");
        var gbk = Path.Combine(folder, "gbk.txt");
        var text = "二级项目支出绩效目标申报表\n项目编码:\t440304231151500205016\t\t项目名称:\t办公设备采购\n";
        File.WriteAllText(utf8, text, new UTF8Encoding(false));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(gbk, Encoding.GetEncoding("GBK").GetBytes(text));

        var fromUtf8 = FormImport.Read(utf8, FormImportTests.Settings);
        var fromGbk = FormImport.Read(gbk, FormImportTests.Settings);

        Assert.Equal("办公设备采购", Assert.Single(fromGbk.Forms).ProjectName);
        Assert.Equal(fromUtf8.Unplaced.Select(u => (u.Row, u.Column, u.Text)), fromGbk.Unplaced.Select(u => (u.Row, u.Column, u.Text)));
        var warning = Assert.Single(fromGbk.Notes, n => n.Severity == Core.Diagnostics.Severity.Warning);
        Assert.Contains("PD0704", warning.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("gbk.txt", warning.File, StringComparison.Ordinal);
        Assert.DoesNotContain(fromUtf8.Notes, n => n.Severity == Core.Diagnostics.Severity.Warning);

        var neither = Path.Combine(folder, "binary.txt");
        File.WriteAllBytes(neither, [0x80, 0xFF, 0x80, 0xFF, 0x0A]);
        Assert.Contains("PD0705", Assert.Throws<SourceFileException>(() => FormImport.Read(neither, FormImportTests.Settings)).Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> RefusedText => new()
    {
        { "more lines than allowed", new string('\n', 101), "t.txt:101: more than 100 lines (the row limit)" },
        { "more columns than allowed", "a" + new string('\t', 10) + "b", "t.txt:1:11: more than 10 tab-separated columns (the column limit)" },
        { "more cells than allowed", string.Join('\n', Enumerable.Range(1, 21).Select(i => $"{i}")), "more than 20 cells hold a value (the cell limit)" },
        { "a cell over the cell size", "a\t" + new string('长', 51), "t.txt:1:2: the cell holds more than 50 characters (the cell size limit)" },
    };

    [Theory]
    [MemberData(nameof(RefusedText))]
    public void A_text_past_a_limit_is_one_line_at_its_place(string what, string text, string says)
    {
        var error = Assert.Throws<SourceFileException>(() => SourceTable.FromTsv("t.txt", text, Small));
        Assert.True(error.Message.Contains(says, StringComparison.Ordinal), $"{what}: {error.Message}");
        Assert.DoesNotContain("长长长", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        var path = Path.Combine(Repo.TempDir("tsv-size"), "big.txt");
        File.WriteAllText(path, new string('x', (1 << 20) + 1));
        Assert.Contains("over the limit of 1048576 bytes (the uncompressed size limit)", Assert.Throws<SourceFileException>(() => FormImport.ReadTables(path, Small)).Message, StringComparison.Ordinal);
    }

    private static string Sheet(string rows, string after = "") => XlsxFixture.SheetXml(rows, after);

    private static string Workbook(string sheetXml)
    {
        var path = Path.Combine(Repo.TempDir("xlsx-limits"), "forms.xlsx");
        XlsxFixture.WriteParts(path, sheetXml);
        return path;
    }
}
