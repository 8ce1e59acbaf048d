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
            "申请单位:\t深圳市福田区投资推广和企业服务中心(本级)",
            "一级指标\t二级指标\t三级指标\t指标值\t指标解释",
            "产出指标\t质量指标\t验收合格率\t100%\t考察质量",
            "\t\t设备完好情况\t完好\t考察质量",
            "",
            "\t时效指标\t交付情况\t按期\t考察时效"));

        var content = Organisations(Path.GetDirectoryName(seed)!);

        var (code, output, error) = InProcess.Run("import", "--lang", "en", "--year", "2024", "--content", content, "--templates", Repo.Templates, "--dry-run", seed);

        Assert.Equal(Commands.Ok, code);
        Assert.Contains("compilation.txt:1:1: info PD1008: heading above the first form", error, StringComparison.Ordinal);
        Assert.Contains("compilation.txt:9:2: warning PD1007: assumed “质量指标” above also spans row 7 before the page break", error, StringComparison.Ordinal);
        Assert.Contains("1 form(s), 1 written, 0 updated, 0 unchanged, 0 cell(s) not placed, 1 assumption(s) to check", output, StringComparison.Ordinal);
        Assert.Contains("--dry-run: nothing written", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(content, "forms")));

        // In Chinese by default, the same findings and summary.
        (code, output, error) = InProcess.Run("import", "--year", "2024", "--content", content, "--templates", Repo.Templates, "--dry-run", seed);
        Assert.Equal(Commands.Ok, code);
        Assert.Contains("compilation.txt:1:1: info PD1008: 第一张表单上方的标题，不属于任何表单", error, StringComparison.Ordinal);
        Assert.Contains("compilation.txt:9:2: warning PD1007: 假定上方的“质量指标”也跨越分页前的第 7 行", error, StringComparison.Ordinal);
        Assert.Contains("表单 1 张，新写 1，更新 0，未变 0，未放入的单元格 0 个，需核对的假定 1 处", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Into_an_empty_or_missing_folder_import_creates_the_organisations_and_writes_forms_that_pass_check(bool folderExists)
    {
        var root = Repo.TempDir("import-cli");
        var content = Path.Combine(root, "content");
        if (folderExists)
        {
            Directory.CreateDirectory(content);
        }

        var (code, output, error) = InProcess.Run("import", "--year", "2024", "--content", content, "--templates", Repo.Templates, Seed(root, "004"));

        Assert.Equal(Commands.Ok, code);
        var created = Assert.Single(Directory.GetFiles(Path.Combine(content, "organisations")));
        Assert.Matches("^org-[0-9a-f]{8}\\.yaml$", Path.GetFileName(created));
        Assert.Contains("name: \"深圳市福田区投资推广和企业服务中心\"", File.ReadAllText(created), StringComparison.Ordinal);
        var told = Assert.Single(error.Split('\n'), l => l.Contains("PD1006", StringComparison.Ordinal));
        Assert.Contains("004.txt:6:2: warning PD1006: 新建机构文件 content/organisations/" + Path.GetFileName(created), told.Replace(Path.Combine(root, "content"), "content", StringComparison.Ordinal).Replace(root + "/", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("表单 14 张，新写 14，更新 0，未变 0", output, StringComparison.Ordinal);
        Assert.Equal(14, Directory.GetFiles(Path.Combine(content, "forms"), "*.yaml", SearchOption.AllDirectories).Length);

        // What import wrote passes check: no error at all (warnings about the forms' own wording may remain).
        var (checkCode, checkOutput, _) = InProcess.Run("check", "--content", content, "--templates", Repo.Templates);
        Assert.DoesNotContain(" error ", checkOutput, StringComparison.Ordinal);
        Assert.Equal(Commands.Ok, checkCode);
    }

    [Fact]
    public void With_no_new_organisations_a_name_not_found_is_reported_with_the_file_to_create_and_nothing_is_written()
    {
        var root = Repo.TempDir("import-cli");
        var content = Path.Combine(root, "content");
        Directory.CreateDirectory(content);

        var (code, output, error) = InProcess.Run("import", "--lang", "en", "--no-new-organisations", "--year", "2024", "--content", content, "--templates", Repo.Templates, Seed(root, "004"));

        Assert.Equal(Commands.ContentErrors, code);
        Assert.Contains("004.txt:6:2: error PD1005: no organisation in content/organisations is named like this (applicant_unit, 申请单位); create content/organisations/org-", error, StringComparison.Ordinal);
        Assert.Contains("nothing written: 28 error(s) above and no form is complete; fix them and import again", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(content));
    }

    [Fact]
    public void Importing_again_updates_the_same_files_a_changed_form_is_updated_and_a_hand_written_file_is_never_overwritten()
    {
        var root = Repo.TempDir("import-cli");
        var content = Organisations(root);
        var seed = Seed(root, "004");
        Assert.Equal(Commands.Ok, InProcess.Run("import", "--year", "2024", "--content", content, "--templates", Repo.Templates, seed).Code);
        var first = Snapshot(content);

        var (code, output, _) = InProcess.Run("import", "--lang", "en", "--year", "2024", "--content", content, "--templates", Repo.Templates, seed);
        Assert.Equal(Commands.Ok, code);
        Assert.Contains("14 form(s), 0 written, 0 updated, 14 unchanged", output, StringComparison.Ordinal);
        Assert.Equal(first, Snapshot(content));

        // One value changed in the source: that form's file is updated in place, under the same name.
        File.WriteAllText(seed, ReplaceFirst(File.ReadAllText(seed), "48.45", "50.5"));
        (code, output, _) = InProcess.Run("import", "--lang", "en", "--year", "2024", "--content", content, "--templates", Repo.Templates, seed);
        Assert.Equal(Commands.Ok, code);
        Assert.Contains("14 form(s), 0 written, 1 updated, 13 unchanged", output, StringComparison.Ordinal);
        var second = Snapshot(content);
        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        var changed = Assert.Single(first, f => f.Value != second[f.Key]);
        Assert.Contains("50.5", second[changed.Key], StringComparison.Ordinal);

        // The same file edited by hand (no longer import's): refused, and nothing is written.
        var path = Path.Combine(content, changed.Key);
        File.WriteAllText(path, string.Join('\n', File.ReadAllLines(path).Where(l => !l.StartsWith("# imported from", StringComparison.Ordinal))));
        var hand = Snapshot(content);
        File.WriteAllText(seed, ReplaceFirst(File.ReadAllText(seed), "50.5", "51"));
        (code, output, var error) = InProcess.Run("import", "--lang", "en", "--year", "2024", "--content", content, "--templates", Repo.Templates, seed);
        Assert.Equal(Commands.ContentErrors, code);
        Assert.Contains("error PD1012: the form ", error, StringComparison.Ordinal);
        Assert.Contains("nothing written: 1 error(s) above", output, StringComparison.Ordinal);
        Assert.Equal(hand, Snapshot(content));

        // With --partial the 13 complete forms are written (unchanged) and the refused one is reported.
        (code, output, _) = InProcess.Run("import", "--lang", "en", "--partial", "--year", "2024", "--content", content, "--templates", Repo.Templates, seed);
        Assert.Equal(Commands.ContentErrors, code);
        Assert.Contains("14 form(s), 0 written, 0 updated, 13 unchanged", output, StringComparison.Ordinal);
        Assert.Equal(hand, Snapshot(content));
    }

    [Fact]
    public void A_cell_that_cannot_be_placed_writes_nothing_and_partial_writes_the_complete_forms_only()
    {
        var root = Repo.TempDir("import-cli");
        var content = Organisations(root);
        var seed = Seed(root, "004");
        File.WriteAllText(seed, ReplaceFirst(File.ReadAllText(seed), "48.45", "四十八"));

        var (code, output, error) = InProcess.Run("import", "--year", "2024", "--content", content, "--templates", Repo.Templates, seed);
        Assert.Equal(Commands.ContentErrors, code);
        Assert.Contains("004.txt:9:2: error PD1002: medium_term_total（", error, StringComparison.Ordinal);
        Assert.Contains("未写入任何文件：上方有 1 处错误；改正后再导入，或用 --partial 只写入完整的 13 张表单", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(content, "forms")));

        (code, output, _) = InProcess.Run("import", "--lang", "en", "--partial", "--year", "2024", "--content", content, "--templates", Repo.Templates, seed);
        Assert.Equal(Commands.ContentErrors, code);
        Assert.Contains("14 form(s), 13 written, 0 updated, 0 unchanged, 1 cell(s) not placed", output, StringComparison.Ordinal);
        Assert.Equal(13, Directory.GetFiles(Path.Combine(content, "forms"), "*.yaml", SearchOption.AllDirectories).Length);
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
        if (second.Contains("workbook", StringComparison.Ordinal) || second.Contains("sheet", StringComparison.Ordinal))
        {
            Assert.StartsWith("error PD1011: 文件无法读取，未导入任何内容（原文：“", line, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.Equal(before, Snapshot(content));
    }

    [Fact]
    public void Forms_of_several_files_are_written_all_or_nothing_and_a_second_run_writes_no_second_copy()
    {
        var root = Repo.TempDir("import-cli");
        var content = Organisations(root);
        var (shanghai, shenzhen) = (Seed(root, "001"), Seed(root, "004"));

        // Shenzhen's forms go to a folder that cannot be made (a file has its name): the Shanghai forms, written first, are taken back.
        var blocked = Path.Combine(content, "forms", "sz-futian-investment-promotion", "2031");
        Directory.CreateDirectory(Path.GetDirectoryName(blocked)!);
        File.WriteAllText(blocked, "not a folder");
        var before = Snapshot(content);
        foreach (var (language, start) in new[] { ("zh", "错误：未导入任何内容："), ("en", "error: nothing was imported: ") })
        {
            var (code, _, error) = InProcess.Run("import", "--year", "2031", "--content", content, "--templates", Repo.Templates, shanghai, shenzhen, "--lang", language);
            Assert.Equal(Commands.CannotRun, code);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith(start, line, StringComparison.Ordinal);
            Assert.Contains(blocked, line, StringComparison.Ordinal);
            Assert.Equal(before, Snapshot(content));
        }

        // Unblocked, the same run writes every form; run again, it finds each file it wrote and leaves it as it is.
        File.Delete(blocked);
        Assert.Equal(Commands.Ok, InProcess.Run("import", "--year", "2031", "--content", content, "--templates", Repo.Templates, shanghai, shenzhen).Code);
        var first = Snapshot(content);
        var written = first.Keys.Except(before.Keys).ToList();
        Assert.True(written.Count > 10, string.Join('\n', written));
        Assert.Equal(Commands.Ok, InProcess.Run("import", "--year", "2031", "--content", content, "--templates", Repo.Templates, shanghai, shenzhen).Code);
        var second = Snapshot(content);
        Assert.Equal(first, second);
        Assert.DoesNotContain(second.Keys, k => k.EndsWith(".tmp", StringComparison.Ordinal));
    }

    /// <summary>A content folder holding only this repository's organisations.</summary>
    private static string Organisations(string root)
    {
        var content = Path.Combine(root, "content-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(content, "organisations"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Content, "organisations")))
        {
            File.Copy(file, Path.Combine(content, "organisations", Path.GetFileName(file)));
        }

        return content;
    }

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return text[..at] + with + text[(at + what.Length)..];
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
