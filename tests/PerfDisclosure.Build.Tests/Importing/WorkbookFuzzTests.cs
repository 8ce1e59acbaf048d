using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using CsCheck;
using PerfDisclosure.Build.Importing;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Importing;

/// <summary>
/// Generated workbooks for the reader: small real workbooks (made from the seeds, with shared strings, styles,
/// merges and inline strings), mutated as a damaged download, a hostile author or a broken tool would: cut, bytes
/// flipped, parts removed, cell references and dimensions past Excel's grid, XML nested 100,000 deep, shared
/// string indexes out of range, entries that inflate like a zip bomb, random text spliced into the XML. Whatever
/// the bytes, the reader gives tables within every limit or one <see cref="SourceFileException"/> line, and the
/// importer reads those tables (one in eight) without throwing. 10,000 workbooks by default; <c>PD_FUZZ_WORKBOOKS=100000</c> for more.
/// </summary>
public class WorkbookFuzzTests
{
    private static readonly int Workbooks = int.TryParse(Environment.GetEnvironmentVariable("PD_FUZZ_WORKBOOKS"), out var n) ? n : 10_000;

    /// <summary>Limits small enough that every kind of input reaches them in a few milliseconds.</summary>
    private static readonly SourceLimits Limits = new() { MaxRows = 2_000, MaxColumns = 64, MaxCells = 5_000, MaxCellChars = 2_000, MaxUncompressedBytes = 2 << 20, RatioGraceBytes = 256 << 10 };

    private const string Main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";

    private static readonly Dictionary<string, byte[]>[] Bases = [.. MakeBases()];

    private static readonly string[] Splices =
    [
        "<", ">", "&", "&amp;", "&#0;", "&#xD800;", "&bogus;", "]]>", "<![CDATA[x]]>", "<!DOCTYPE x [<!ENTITY a \"aa\">]>", "<?pi?>", "\"", "'", "=",
        "<c r=\"XFD1048576\"><v>1</v></c>", "<c r=\"A1\" t=\"s\"><v>99999</v></c>", "<c t=\"s\"><v>-3</v></c>", "<c r=\"ZZZZ1\"><v>1</v></c>", "<c r=\"A0\"><v>1</v></c>",
        "<row r=\"99999999999\">", "<row r=\"-1\">", "<row>", "</row>", "<c>", "</c>", "<v>", "</v>", "<is><t>", "</t></is>", "<mergeCell ref=\"A1:XFD1048576\"/>",
        "<mergeCell ref=\"B:C\"/>", "<dimension ref=\"A1:XFD1048576\"/>", "_x0000_", "_xD800_", "_x005F_", "\uFFFF", "\uFEFF", "\u0085", "\u2028", "年度", "<c r=\"B2\" s=\"999\"><v>1e308</v></c>",
        "<c r=\"B2\" t=\"d\"><v>not a date</v></c>", "<c r=\"C3\" t=\"b\"><v>2</v></c>", "<c r=\"A1\" s=\"1\"><v>-1</v></c>", "<c r=\"A1\" s=\"1\"><v>99999999</v></c>",
    ];

    private enum Mutation
    {
        Truncate,
        FlipBytes,
        RemoveEntry,
        SpliceXml,
        CutXml,
        HugeReference,
        DeepXml,
        BadSharedString,
        LongCell,
        ManyCells,
        Bomb,
        ManyMerges,
        Unchanged,
    }

    [Fact]
    public void Any_mutated_workbook_is_read_within_the_limits_or_refused_with_one_line()
    {
        var slowest = TimeSpan.Zero;
        var gen = Gen.Select(Gen.Int[0, Bases.Length - 1], Gen.Enum<Mutation>(), Gen.Int, Gen.Int[1, 4]);
        gen.Sample((baseIndex, mutation, seed, times) =>
        {
            var bytes = Mutate(Bases[baseIndex], mutation, new Random(seed), times);
            var clock = Stopwatch.StartNew();
            IReadOnlyList<SourceTable> tables;
            try
            {
                using var stream = new MemoryStream(bytes, writable: false);
                tables = XlsxReader.Read(stream, "fuzz.xlsx", Limits);
            }
            catch (SourceFileException e)
            {
                Assert.StartsWith("fuzz.xlsx", e.Message, StringComparison.Ordinal);
                Assert.DoesNotContain('\n', e.Message);
                Assert.True(e.Message.Length < 400, e.Message);
                return;
            }

            var cells = 0;
            foreach (var table in tables)
            {
                Assert.True(table.Rows.Count <= Limits.MaxRows, $"{table.Rows.Count} rows");
                foreach (var row in table.Rows)
                {
                    Assert.True(row.Count <= Limits.MaxColumns, $"{row.Count} columns");
                    foreach (var cell in row.Where(c => !c.IsEmpty))
                    {
                        cells++;
                        Assert.True(cell.Text.Length <= Limits.MaxCellChars, $"{cell.Text.Length} characters");
                    }
                }

                if (table.Rows.Count <= 300 && seed % 8 == 0)
                {
                    // One workbook in eight also goes through the importer (placing is slower than reading; larger tables are the limits' business).
                    TableImporter.Import(table, FormImportTests.Settings);
                }
            }

            Assert.True(cells <= Limits.MaxCells, $"{cells} cells");
            lock (Bases)
            {
                slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{mutation}: {clock.Elapsed}");
        }, iter: Workbooks);
        TestContext.Current.SendDiagnosticMessage($"{Workbooks} workbooks; slowest read and import {slowest.TotalMilliseconds:0} ms");
    }

    private static byte[] Mutate(Dictionary<string, byte[]> workbook, Mutation mutation, Random random, int times)
    {
        var parts = new Dictionary<string, byte[]>(workbook, StringComparer.Ordinal);
        var names = parts.Keys.Order(StringComparer.Ordinal).ToArray();
        string Pick() => names[random.Next(names.Length)];
        string Xml(string name) => Encoding.UTF8.GetString(parts[name]);
        void Set(string name, string xml) => parts[name] = Encoding.UTF8.GetBytes(xml);
        const string Sheet = "xl/worksheets/sheet1.xml";
        switch (mutation)
        {
            case Mutation.Truncate:
                var whole = XlsxFixture.Zip(parts);
                return whole[..random.Next(whole.Length)];
            case Mutation.FlipBytes:
                var zip = XlsxFixture.Zip(parts);
                for (var i = 0; i < times * 3; i++)
                {
                    zip[random.Next(zip.Length)] ^= (byte)(1 << random.Next(8));
                }

                return zip;
            case Mutation.RemoveEntry:
                parts.Remove(Pick());
                break;
            case Mutation.SpliceXml:
                for (var i = 0; i < times; i++)
                {
                    var name = Pick();
                    var xml = Xml(name);
                    var at = random.Next(xml.Length + 1);
                    Set(name, xml[..at] + Splices[random.Next(Splices.Length)] + xml[at..]);
                }

                break;
            case Mutation.CutXml:
                var cut = Pick();
                var text = Xml(cut);
                var start = random.Next(text.Length + 1);
                Set(cut, text[..start] + text[Math.Min(text.Length, start + random.Next(200))..]);
                break;
            case Mutation.HugeReference:
                var sheet = Xml(Sheet);
                var reference = random.Next(4) switch { 0 => "XFD1048576", 1 => $"A{random.Next(1, 1_048_577)}", 2 => $"{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}{random.Next(1, 5000)}", _ => "IV65536" };
                Set(Sheet, sheet.Replace("<sheetData>", $"<dimension ref=\"A1:{reference}\"/><sheetData>", StringComparison.Ordinal).Replace("</sheetData>", $"<row r=\"{random.Next(1, 1_048_577)}\"><c r=\"{reference}\"><v>1</v></c></row></sheetData>", StringComparison.Ordinal));
                break;
            case Mutation.DeepXml:
                var depth = random.Next(10) == 0 ? 100_000 : random.Next(100, 20_000);
                var deep = new StringBuilder().Insert(0, "<x>", depth).Append("1").Insert(0, "", 0);
                deep.Append(new StringBuilder().Insert(0, "</x>", random.Next(2) == 0 ? depth : depth / 2));
                var target = random.Next(2) == 0 || !parts.ContainsKey("xl/sharedStrings.xml") ? Sheet : "xl/sharedStrings.xml";
                Set(target, Xml(target).Replace(target == Sheet ? "<v>" : "<t>", (target == Sheet ? "<v>" : "<t>") + deep, StringComparison.Ordinal));
                break;
            case Mutation.BadSharedString:
                var shared = Xml(Sheet);
                var index = random.Next(4) switch { 0 => "-1", 1 => "2147483648", 2 => $"{random.Next(100, 100_000)}", _ => "x" };
                var first = shared.IndexOf("t=\"s\"><v>", StringComparison.Ordinal);
                Set(Sheet, first < 0
                    ? shared.Replace("</sheetData>", $"<row r=\"1999\"><c r=\"B1999\" t=\"s\"><v>{index}</v></c></row></sheetData>", StringComparison.Ordinal)
                    : shared[..(first + 9)] + index + shared[shared.IndexOf("</v>", first, StringComparison.Ordinal)..]);
                break;
            case Mutation.LongCell:
                Set(Sheet, Xml(Sheet).Replace("</sheetData>", $"<row r=\"1999\"><c r=\"A1999\" t=\"inlineStr\"><is><t>{new string('长', random.Next(1_000, 100_000))}</t></is></c></row></sheetData>", StringComparison.Ordinal));
                break;
            case Mutation.ManyCells:
                var rows = new StringBuilder();
                var count = random.Next(1_000, 8_000);
                for (var i = 0; i < count; i++)
                {
                    rows.Append($"<row r=\"{(i % 1_990) + 1}\"><c r=\"{XlsxSheetName((i % 60) + 1)}{(i % 1_990) + 1}\"><v>{i}</v></c></row>");
                }

                Set(Sheet, Xml(Sheet).Replace("</sheetData>", rows + "</sheetData>", StringComparison.Ordinal));
                break;
            case Mutation.Bomb:
                var filler = new string(random.Next(2) == 0 ? ' ' : 'x', random.Next(300, 2_300) << 10);
                var bombed = random.Next(3) switch { 0 => Sheet, 1 when parts.ContainsKey("xl/sharedStrings.xml") => "xl/sharedStrings.xml", _ => "xl/workbook.xml" };
                var end = Xml(bombed).LastIndexOf("</", StringComparison.Ordinal);
                Set(bombed, end < 0 ? Xml(bombed) + filler : Xml(bombed)[..end] + filler + Xml(bombed)[end..]);
                break;
            case Mutation.ManyMerges:
                var merges = new StringBuilder("<mergeCells>");
                for (var i = 0; i < random.Next(10, 6_000); i++)
                {
                    merges.Append($"<mergeCell ref=\"A{random.Next(1, 50)}:{XlsxSheetName(random.Next(1, 80))}{random.Next(1, 3_000)}\"/>");
                }

                Set(Sheet, Xml(Sheet).Replace("</worksheet>", merges + "</mergeCells></worksheet>", StringComparison.Ordinal));
                break;
        }

        return XlsxFixture.Zip(parts);
    }

    private static string XlsxSheetName(int column) => column <= 26 ? ((char)('A' + column - 1)).ToString() : XlsxSheetName((column - 1) / 26) + (char)('A' + ((column - 1) % 26));

    /// <summary>Small real workbooks: seed forms (inline strings and merges, as <see cref="XlsxFixture"/> writes them) and one with shared strings, styles and dates.</summary>
    private static IEnumerable<Dictionary<string, byte[]>> MakeBases()
    {
        var folder = Repo.TempDir("fuzz-bases");
        foreach (var (seed, lines) in new[] { ("001", 40), ("004", 30), ("000", 60) })
        {
            var rows = File.ReadAllLines(Directory.EnumerateFiles(Repo.Seeds, seed + "_*.txt").Single()).Take(lines).Select(l => l.Split('\t')).ToList();
            var path = Path.Combine(folder, seed + ".xlsx");
            XlsxFixture.Write(path, [("表", rows)]);
            yield return Entries(path);
        }

        var styled = Path.Combine(folder, "styled.xlsx");
        XlsxFixture.WriteParts(
            styled,
            XlsxFixture.SheetXml(
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" s=\"1\"><v>45658</v></c><c r=\"C2\"><v>48.45</v></c></row>"
                + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><r><t>合</t></r><r><t>并</t></r></is></c><c r=\"B3\" t=\"s\"><v>2</v></c></row>",
                "<mergeCells count=\"1\"><mergeCell ref=\"A3:A4\"/></mergeCells>"),
            sharedStrings: $"<sst {Main}><si><t>二级项目支出绩效目标申报表</t></si><si><t>项目名称:</t><rPh sb=\"0\" eb=\"1\"><t>x</t></rPh></si><si><r><t xml:space=\"preserve\">办公 </t></r><r><t>设备_x000D_</t></r></si></sst>",
            styles: $"<styleSheet {Main}><numFmts><numFmt numFmtId=\"180\" formatCode=\"yyyy-mm-dd\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"180\"/></cellXfs></styleSheet>");
        yield return Entries(styled);
    }

    private static Dictionary<string, byte[]> Entries(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            return memory.ToArray();
        }, StringComparer.Ordinal);
    }
}
