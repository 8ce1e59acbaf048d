using PerfDisclosure.Testing;

namespace PerfDisclosure.Cli.Tests;

/// <summary>
/// import's report: cells not placed fail the run; assumptions and left-out headings are told, and do not. Every file
/// is read and checked before anything is written, and the forms of all files are written all or nothing.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public class ImportCommandTests
{
    [Fact]
    public void Assumptions_are_warnings_at_their_cell_and_a_compilation_title_is_info_so_the_import_exits_0()
    {
        var seed = Path.Combine(Repo.TempDir("import-cli"), "compilation.txt");
        File.WriteAllText(seed, string.Join('\n',
            "某单位 2024 年度项目绩效目标汇总表",
            "二级项目支出绩效目标申报表",
            "项目编码:\t440304231151500205016\t\t项目名称:\t办公设备采购",
            "一级指标\t二级指标\t三级指标\t指标值\t指标解释",
            "产出指标\t质量指标\t验收合格率\t100%\t考察质量",
            "\t\t设备完好情况\t完好\t考察质量",
            "",
            "\t时效指标\t交付情况\t按期\t考察时效"));

        var (code, output, error) = InProcess.Run("import", "--year", "2024", "--content", Repo.Content, "--templates", Repo.Templates, "--dry-run", seed);

        Assert.Equal(Commands.Ok, code);
        Assert.Contains("compilation.txt:1:1: info: heading above the first form", error, StringComparison.Ordinal);
        Assert.Contains("compilation.txt:8:2: warning: assumed “质量指标” above also spans row 6 before the page break", error, StringComparison.Ordinal);
        Assert.Contains("1 form(s), 0 written, 0 cell(s) not placed, 1 assumption(s) to check", output, StringComparison.Ordinal);
    }

    public static TheoryData<string> BadSecondFiles => ["a truncated workbook", "a workbook whose only cell is at XFD1048576", "a damaged sheet", "a file that does not exist", "an unknown option"];

    [Theory]
    [MemberData(nameof(BadSecondFiles))]
    public void A_bad_file_after_a_good_one_stops_the_run_before_anything_is_written(string second)
    {
        var root = Repo.TempDir("import-cli");
        var content = Repo.CopyTree(Path.Combine(root, "content"));
        var before = Snapshot(content);
        var good = Seed(root, "004");
        string[] rest = second switch
        {
            "a truncated workbook" => [Cut(Workbook(root, "cut.xlsx", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"))],
            "a workbook whose only cell is at XFD1048576" => [Workbook(root, "xfd.xlsx", "<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row>")],
            "a damaged sheet" => [Workbook(root, "damaged.xlsx", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>二级项目支出绩效目标申报表</t></is></c></row><row r=\"2\"><c r=\"A2\"")],
            "a file that does not exist" => [Path.Combine(root, "missing.txt")],
            _ => ["--output", Path.Combine(root, "x")],
        };

        var (code, output, error) = InProcess.Run(["import", "--year", "2024", "--content", content, "--templates", Repo.Templates, good, .. rest]);

        Assert.Equal(Commands.CannotRun, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(Path.GetFileName(rest[0]), line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.Equal(before, Snapshot(content));
    }

    [Fact]
    public void Forms_of_several_files_are_written_all_or_nothing_and_an_existing_file_is_never_overwritten()
    {
        var root = Repo.TempDir("import-cli");
        var content = Repo.CopyTree(Path.Combine(root, "content"));
        var (shanghai, shenzhen) = (Seed(root, "001"), Seed(root, "004"));

        // Shenzhen's forms go to a folder that cannot be made (a file has its name): the Shanghai forms, written first, are taken back.
        var blocked = Path.Combine(content, "forms", "sz-futian-investment-promotion", "2031");
        File.WriteAllText(blocked, "not a folder");
        var before = Snapshot(content);
        var (code, _, error) = InProcess.Run("import", "--year", "2031", "--content", content, "--templates", Repo.Templates, shanghai, shenzhen);
        Assert.Equal(Commands.CannotRun, code);
        Assert.Contains("nothing was imported", error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(content));

        // Unblocked, the same run writes every form; run again, it writes each beside the first, which stay as they were.
        File.Delete(blocked);
        Assert.Equal(Commands.Ok, InProcess.Run("import", "--year", "2031", "--content", content, "--templates", Repo.Templates, shanghai, shenzhen).Code);
        var first = Snapshot(content);
        var written = first.Keys.Except(before.Keys).ToList();
        Assert.True(written.Count > 10, string.Join('\n', written));
        Assert.Equal(Commands.Ok, InProcess.Run("import", "--year", "2031", "--content", content, "--templates", Repo.Templates, shanghai, shenzhen).Code);
        var second = Snapshot(content);
        Assert.All(first, file => Assert.Equal(file.Value, second[file.Key]));
        Assert.Equal(2 * written.Count, second.Keys.Except(before.Keys).Count());
        Assert.DoesNotContain(second.Keys, k => k.EndsWith(".tmp", StringComparison.Ordinal));
    }

    private static string Seed(string root, string number)
    {
        var copy = Path.Combine(root, number + ".txt");
        File.Copy(Directory.EnumerateFiles(Repo.Seeds, number + "_*.txt").Single(), copy);
        return copy;
    }

    private static string Workbook(string root, string name, string rows)
    {
        var path = Path.Combine(root, name);
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        {
            foreach (var (entry, text) in new[]
            {
                ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
                ("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
                ("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
                ("xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{rows}</sheetData></worksheet>"),
            })
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write(text);
            }
        }

        return path;
    }

    private static string Cut(string path)
    {
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        return path;
    }

    /// <summary>Every file under the folder with its text, and every folder (as an empty text).</summary>
    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(folder, p), p => File.Exists(p) ? File.ReadAllText(p) : string.Empty, StringComparer.Ordinal);
}
