using PerfDisclosure.Build.Authoring;
using PerfDisclosure.Build.Importing;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Tests.Importing;
using PerfDisclosure.Build.Tests.Loading;
using PerfDisclosure.Build.Tests.Rendering;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Validation;

/// <summary>
/// Every code of the catalogue has a test that makes it happen for real and checks its message in both languages
/// (<see cref="BothLanguages.Said"/>): the form rules through their documented example
/// (<see cref="FriendlyMessageTests"/>), the others through the stage that reports them, with the inputs in
/// <see cref="Triggers"/>, or through the named test that already makes them happen.
/// </summary>
public class EveryCodeInBothLanguagesTests
{
    private const string Layout = "shenzhen-target";

    // One form of the Shenzhen layout as import reads it from text: title, owner, one indicator.
    private const string Title = "二级项目支出绩效目标申报表";
    private const string Project = "项目编码:\t440304231151500205016\t\t项目名称:\t办公设备采购";
    private const string Owner = "申请单位:\t深圳市福田区投资推广和企业服务中心(本级)";
    private const string Header = "一级指标\t二级指标\t三级指标\t指标值\t指标解释";
    private const string Row = "产出指标\t质量指标\t验收合格率\t100%\t考察质量";

    /// <summary>How each code that no form example shows is made to happen: the real stage on real files.</summary>
    private static readonly Dictionary<string, Func<IEnumerable<Diagnostic>>> Triggers = new()
    {
        ["PD0801"] = () => Build("pd0801", site => { }, o => o with { NoPdf = false, PdfEngineDir = Path.Combine(Repo.TempDir("no-engine"), "pdf-engine") }),
        ["PD0803"] = () => Build("pd0803", site => { }, o => o with { CacheDir = UserFile("pd0803") }),
        ["PD0804"] = () => Build("pd0804", site => site.Write("templates/layouts/base.sbn-html", "<!doctype html>\n<html><body><div>{{ content }}</div></body></html>\n")),
        ["PD0901"] = () => Build("pd0901", site => site.Write("templates/layouts/forms/shenzhen-target.yaml", File.ReadAllText(Path.Combine(Repo.Templates, "layouts", "forms", "shenzhen-target.yaml")) + "template: shenzhen-target-v2\n")),
        ["PD0902"] = () => Build("pd0902", site => site.Write("templates/layouts/forms/shenzhen-target.sbn-html", "<h1>{{ form.project_name </h1>\n")),
        ["PD0903"] = () => Build("pd0903", site => site.Write("templates/strings.yaml", "title:\n  serach: 查找\n")),
        ["PD1001"] = () => Import("pd1001", [Title, Project, Owner, Header, Row + "\t多余的一格"]),
        ["PD1002"] = () => Import("pd1002", [Title, Project, Owner, "项目总金额(中期规划,万元):\t四十八", Header, Row]),
        ["PD1003"] = () => Import("pd1003", [Title, Project, Owner, Header, Row], year: null),
        ["PD1004"] = () => Import("pd1004", ["一些说明\t不是表单", "第二行\t也不是"]),
        ["PD1005"] = () => Import("pd1005", [Title, Project, "申请单位:\t某区新设单位", Header, Row], create: false),
        ["PD1006"] = () => Import("pd1006", [Title, Project, "申请单位:\t某区新设单位", Header, Row]),
        ["PD1007"] = () => Import("pd1007", [Title, Project, Owner, Header, Row, "\t\t设备完好情况\t完好\t考察质量", string.Empty, "\t时效指标\t交付情况\t按期\t考察时效"]),
        ["PD1008"] = () => Import("pd1008", ["某单位 2024 年度项目绩效目标汇总表", Title, Project, Owner, Header, Row]),
        ["PD1009"] = () => Import("pd1009", [Title, Project, Owner, Header, "产出指标\t数量指标\t招商活动\t=0.00(起)\t考察数量"]),
        ["PD1010"] = ScannedPdf,
        ["PD1012"] = HandWrittenFormInTheWay,
        ["PD1013"] = () => Import("pd1013", ["一些说明\t不是表单"]),
        ["PD1014"] = () => Import("pd1014", [Title, Project, Header, Row]),
        ["PD1030"] = PageFooter,
        ["PD0000"] = PreviewOfABlockedOutput,
        ["PD0706"] = UnreadableFileAndFolder,
        ["PD1011"] = NotAWorkbook,
    };

    /// <summary>Codes another test already makes happen and checks with <see cref="BothLanguages.Said"/>: the test that does.</summary>
    private static readonly Dictionary<string, string> CoveredBy = new()
    {
        ["PD0001"] = nameof(YamlErrorTextTests),
        ["PD0010"] = nameof(HandWrittenRuleTests.PD0010_a_layout_field_without_key),
        ["PD0011"] = nameof(HandWrittenRuleTests.PD0011_a_layout_naming_a_framework_that_does_not_exist),
        ["PD0012"] = nameof(ImportFileTests.A_bad_key_of_an_import_file_is_an_error_at_its_line),
        ["PD0104"] = nameof(LayoutStructuresTests.A_table_is_checked_cell_by_cell_and_by_its_arithmetic),
        ["PD0105"] = nameof(LayoutStructuresTests.A_table_is_checked_cell_by_cell_and_by_its_arithmetic),
        ["PD0502"] = nameof(HandWrittenRuleTests.PD0502_two_forms_with_one_id),
        ["PD0503"] = nameof(HandWrittenRuleTests.PD0503_the_same_project_twice_in_one_year),
        ["PD0505"] = nameof(HandWrittenRuleTests.PD0505_a_file_outside_its_owner_and_year_folder),
        ["PD0506"] = nameof(HandWrittenRuleTests.PD0506_an_organisation_id_that_is_a_site_folder),
        ["PD0701"] = nameof(IdentifierLoadingTests),
        ["PD0702"] = nameof(HostileYamlTests),
        ["PD0703"] = nameof(HostileYamlTests),
        ["PD0704"] = nameof(ContentTextTests.A_form_saved_in_a_chinese_office_encoding_is_read_correctly_with_a_warning),
        ["PD0705"] = nameof(ContentTextTests.Bytes_that_are_neither_utf8_nor_gb18030_are_refused_naming_the_place_and_the_encodings),
        ["PD0707"] = nameof(IdentifierLoadingTests),
        ["PD0708"] = nameof(ConfinementTests.A_link_to_a_file_outside_is_an_error_naming_the_link_and_nothing_of_it_is_read),
        ["PD0709"] = nameof(ConfinementTests.A_fifo_is_refused_without_being_opened_with_or_without_a_cache),
        ["PD0710"] = nameof(ConfinementTests.A_yaml_file_where_nothing_is_read_is_a_warning_naming_it),
        ["PD0811"] = nameof(Pdf.MissingGlyphTests.An_uncovered_character_is_a_warning_at_its_place_and_a_covered_rare_one_is_printed),
    };

    /// <summary>Codes no test here can make happen, and why; each is a known gap, not a pass.</summary>
    private static readonly Dictionary<string, string> NotTriggered = new()
    {
        ["PD0810"] = "no input known to make Typst fail on a form's table (every value reaches it escaped, as text); PdfStage quotes Typst's own words after a Chinese explanation (OriginalText)",
    };

    public static TheoryData<string> Codes => [.. Triggers.Keys];

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_code_made_to_happen_says_what_is_wrong_in_each_language(string code)
    {
        var found = Triggers[code]().Where(d => d.Code == code).ToList();

        Assert.True(found.Count > 0, $"{code} did not happen");
        Assert.All(found, d => BothLanguages.Said(d));
    }

    [Fact]
    public void Every_code_in_the_catalogue_has_a_test_that_makes_it_happen_and_checks_both_languages()
    {
        var forms = RuleSet.Default.Rules.Where(r => r.Example.Kind == ExampleKind.Form).Select(r => r.Code);
        var covered = forms.Concat(Triggers.Keys).Concat(CoveredBy.Keys).Concat(NotTriggered.Keys).ToHashSet();

        var missing = RuleSet.Default.Rules.Select(r => r.Code).Where(c => !covered.Contains(c)).ToList();

        Assert.True(missing.Count == 0, "no test makes these codes happen and checks both languages: " + string.Join(", ", missing));
        Assert.DoesNotContain(Triggers.Keys.Concat(CoveredBy.Keys).Concat(NotTriggered.Keys), c => RuleSet.Default.Find(c) is null);
        Assert.Empty(Triggers.Keys.Intersect(forms).Concat(CoveredBy.Keys.Intersect(Triggers.Keys)));
    }

    /// <summary>A build of one form (its site's own templates folder beside it, <paramref name="change"/> to make).</summary>
    private static IEnumerable<Diagnostic> Build(string name, Action<ExampleSite> change, Func<BuildOptions, BuildOptions>? options = null)
    {
        var site = new ExampleSite(name);
        site.AddForm(Layout, string.Empty);
        change(site);
        var build = new BuildOptions(site.Dir, Path.Combine(site.Dir, "templates"), Path.Combine(Repo.TempDir(name + "-site"), "site"), NoPdf: true);
        return new SiteBuilder(options is null ? build : options(build)).Build().Diagnostics;
    }

    private static IEnumerable<Diagnostic> Import(string name, string[] lines, int? year = 2024, bool create = true)
    {
        var root = Repo.TempDir(name);
        var content = Organisations(root);
        var source = Path.Combine(root, name + ".txt");
        File.WriteAllText(source, string.Join('\n', lines) + "\n");
        return ImportRun.Run([source], new ImportOptions(content, Repo.Templates, year, DryRun: true, CreateOrganisations: create)).Findings;
    }

    private static string Organisations(string root)
    {
        var content = Path.Combine(root, "content");
        Repo.CopyTree(Path.Combine(content, "organisations"), Path.Combine(Repo.Content, "organisations"));
        return content;
    }

    /// <summary>A file of the user's where the cache folder should be: it is never written over.</summary>
    private static string UserFile(string name)
    {
        var path = Path.Combine(Repo.TempDir(name), ".cache");
        File.WriteAllText(path, "the user's file");
        return path;
    }

    /// <summary>PD1012: the form import would write is there, and import did not write it.</summary>
    private static IEnumerable<Diagnostic> HandWrittenFormInTheWay()
    {
        var root = Repo.TempDir("pd1012");
        var content = Organisations(root);
        var source = Path.Combine(root, "form.txt");
        File.WriteAllText(source, string.Join('\n', Title, Project, Owner, Header, Row) + "\n");
        var first = ImportRun.Run([source], new ImportOptions(content, Repo.Templates, 2024));
        var written = Assert.Single(first.Plan, p => p.Form is not null).Path;
        File.WriteAllLines(written, File.ReadAllLines(written).Where(l => !l.StartsWith("# imported from", StringComparison.Ordinal)));
        File.WriteAllText(source, File.ReadAllText(source).Replace("考察质量", "考察验收质量", StringComparison.Ordinal));
        return ImportRun.Run([source], new ImportOptions(content, Repo.Templates, 2024, DryRun: true)).Findings;
    }

    /// <summary>PD1010: a PDF of one image, no text; import refuses it in one line, in the language asked for.</summary>
    private static IEnumerable<Diagnostic> ScannedPdf()
    {
        var pdf = Path.Combine(Repo.TempDir("pd1010"), "scan.pdf");
        PdfFixture.Write(pdf, PdfFixture.Image);
        var e = Assert.Throws<SourceFileException>(() => FormImport.Read(pdf, FormImportTests.Settings));
        return [e.Rule.Report(SourceSpan.FileOnly(pdf), ImportRun.Unreadable(e, "zh"), ImportRun.Unreadable(e, "en"))];
    }

    /// <summary>PD0000: serve's build loop over an output whose parent is a file, an I/O failure no content rule catches.</summary>
    private static IEnumerable<Diagnostic> PreviewOfABlockedOutput()
    {
        var root = Repo.TempDir("pd0000");
        var blocker = Path.Combine(root, "not-a-folder");
        File.WriteAllText(blocker, "a file, not a folder");
        var content = Repo.CopyTree(Path.Combine(root, "content"));
        var options = new BuildOptions(content, Repo.Templates, Path.Combine(blocker, "site"), NoPdf: true);
        var server = new PreviewServer(options, 0, TextWriter.Null);
        server.Rebuild();
        return server.Findings;
    }

    /// <summary>
    /// PD0706: a form file and a folder the build may not read (mode 000). The tests run as root, who reads anything:
    /// the reading thread gives up root's file access for the call (<see cref="Unprivileged"/>).
    /// </summary>
    private static IEnumerable<Diagnostic> UnreadableFileAndFolder()
    {
        Assert.True(OperatingSystem.IsLinux(), "file modes and the per-thread file-system user are Linux's");
        if (!OperatingSystem.IsLinux())
        {
            return [];
        }

        var root = Repo.TempDir("pd0706");
        var file = Path.Combine(root, "form.yaml");
        File.WriteAllText(file, "layout: shenzhen-target\n");
        File.SetUnixFileMode(file, UnixFileMode.None);
        var folder = Directory.CreateDirectory(Path.Combine(root, "forms", "locked")).FullName;
        File.SetUnixFileMode(folder, UnixFileMode.None);
        try
        {
            var fromFile = Unprivileged.Run(() => Assert.Throws<ContentException>(() => ContentText.Read(file, "form.yaml", new DiagnosticBag())).Diagnostic);
            var fromFolder = Unprivileged.Run(() => SourceTree.Read(root).Refused);
            return [fromFile, .. fromFolder];
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>PD1011: a file named .xlsx that is not a workbook; import refuses it in one line, in the language asked for.</summary>
    private static IEnumerable<Diagnostic> NotAWorkbook()
    {
        var path = Path.Combine(Repo.TempDir("pd1011"), "form.xlsx");
        File.WriteAllText(path, "not a workbook, only text");
        var e = Assert.Throws<SourceFileException>(() => FormImport.Read(path, FormImportTests.Settings));
        return [e.Rule.Report(SourceSpan.FileOnly(path), ImportRun.Unreadable(e, "zh"), ImportRun.Unreadable(e, "en"))];
    }

    /// <summary>PD1030: a PDF page's number at its foot, read by the PDF reader.</summary>
    private static IEnumerable<Diagnostic> PageFooter()
    {
        var pdf = Path.Combine(Repo.TempDir("pd1030"), "footer.pdf");
        PdfFixture.Write(pdf, PdfFixture.Text(60, 760, "Heading") + PdfFixture.Text(60, 700, "a") + PdfFixture.Text(280, 30, "Page 1"));
        var notes = new List<ImportNote>();
        PdfReader.Read(pdf, "footer.pdf", SourceLimits.Default, notes);
        return notes.Select(n => n.ToDiagnostic());
    }
}
