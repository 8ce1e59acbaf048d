using PerfDisclosure.Build.Importing;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Tests.Pdf;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Validation.Rules.Import;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Importing;

/// <summary>
/// Text with one cell per line: what real <c>pdftotext</c> (without <c>-layout</c>) gives of the example layouts'
/// PDFs, and forms written by hand line by line, import as the forms they print; a second import changes nothing.
/// </summary>
public class OneCellPerLineTests(PrintedCorpus corpus)
{
    /// <summary>
    /// Each example form's PDF as printed (the default engine), its cells written one per line in reading order, row by
    /// row (as a form copied cell by cell reads; the cells come from the PDF's text positions): the same form.
    /// </summary>
    [Theory]
    [InlineData("province-a-target")]
    [InlineData("province-b-self-evaluation")]
    [InlineData("province-c-department-self-evaluation")]
    public void An_example_layouts_pdf_cells_one_per_line_import_as_the_same_forms(string example)
    {
        corpus.Require();
        var (content, templates, forms) = Example(example);
        var folder = Repo.TempDir("one-cell-per-line");
        var output = Path.Combine(folder, "site");
        var built = new SiteBuilder(new BuildOptions(content, templates, output, RequirePdf: true, CacheDir: Path.Combine(folder, ".cache"))).Build();
        Assert.True(built.Succeeded, string.Join("; ", built.Diagnostics.Where(d => d.IsError)));
        var differences = new List<string>();
        foreach (var form in forms)
        {
            var text = Path.Combine(folder, form.Slug + ".txt");
            var cells = FormImport.ReadTables(Path.Combine(output, form.Id, form.Slug + ".pdf")).SelectMany(t => t.Rows).SelectMany(r => r).Where(c => !c.IsEmpty);
            File.WriteAllLines(text, cells.Select(c => c.Text));
            Assert.True(OneCellPerLine.Is(FormImport.ReadTables(text)[0], ImportSettings.Load(content, templates, null)), $"{text} is not read as one cell per line");
            differences.AddRange(RoundTrip(form, text, content, templates));
        }

        Assert.NotEmpty(forms);
        Assert.True(differences.Count == 0, $"{differences.Count} difference(s):\n" + string.Join('\n', differences.Take(200)));
    }

    /// <summary>
    /// A form of the 甲省 layout typed line by line as a clerk copies it cell by cell: a long goal wrapped over two
    /// lines is one value, a 二级 name the framework also lists as 一级 (成本指标) stays under its 一级, and findings
    /// name the line of the text.
    /// </summary>
    [Fact]
    public void A_hand_written_form_one_cell_per_line_imports_and_reimports_unchanged()
    {
        var (content, templates, forms) = Example("province-a-target");
        var expected = forms.Single(f => f.Slug == "museum-digitisation");
        var text = Path.Combine(Repo.TempDir("one-cell-by-hand"), "museum.txt");
        File.WriteAllLines(text,
        [
            "项目支出绩效目标申报表（2024年度）", "项目支出名称", "博物馆藏品数字化", "预算部门", "甲省文化和旅游厅",
            "年度本级预算金额(万元)", "80.00", "上级资金", "/", "实施期", "2024.01-2024.12",
            "年度绩效目标", "完成馆藏珍贵文物的数字化", "采集与建档。",
            "一级指标", "二级指标", "三级指标", "指标值及单位", "绩效标准",
            "产出指标", "数量指标", "数字化采集藏品件数", "≥2000件", "计划标准",
            "质量指标", "数据验收合格率", "≥98%", "行业标准",
            "成本指标", "单件采集成本", "≤400元", "计划标准",
            "效益指标", "可持续影响指标", "数字资源开放共享", "长期", "其他标准",
            "社会公众或服务对象满意度指标", "观众满意度", "≥90%", "行业标准",
            "财政部门审核意见", "同意，按计划实施。", "填表人", "王五", "联系电话", "0571-87650000",
        ]);
        var organisation = ContentLoader.Load(content, new ThemeFiles(templates)).Organisations[expected.Owner];
        Assert.Contains(organisation.Name, File.ReadAllText(text), StringComparison.Ordinal);
        Assert.Empty(RoundTrip(expected, text, content, templates));
        var joined = Assert.Single(ImportRun.Run([text], new ImportOptions(Repo.TempDir("one-cell-by-hand-dry"), templates, null, DryRun: true)).Findings, d => d.Code == ImportRules.Assumed.Code);
        Assert.Equal((14, 1), (joined.Where.Line, joined.Where.Column));

        // A line no field takes is reported at its line, column 1, and nothing is written.
        File.AppendAllLines(text, ["备注", "多出的一行"]);
        var result = ImportRun.Run([text], new ImportOptions(Repo.TempDir("one-cell-by-hand-content"), templates, null));
        Assert.False(result.Written);
        Assert.Contains(result.Findings, d => d.IsError && d.Where.Line == 48 && d.Where.Column == 1 && d.MessageEn.Contains("备注", StringComparison.Ordinal));
    }

    /// <summary>
    /// What real <c>pdftotext</c> without <c>-layout</c> makes of the example layouts' PDFs: each column of the table as a
    /// run of lines (labels, then values), which no reading puts back into rows. The import refuses it whole: errors
    /// at lines of the text, nothing written, never a value in the wrong field (docs/authoring.md says to use the PDF itself).
    /// </summary>
    [Fact]
    public void Pdftotext_in_reading_order_is_refused_whole_not_misplaced()
    {
        corpus.Require();
        var (content, templates, forms) = Example("province-b-self-evaluation");
        var folder = Repo.TempDir("pdftotext-order");
        var output = Path.Combine(folder, "site");
        Assert.True(new SiteBuilder(new BuildOptions(content, templates, output, RequirePdf: true, CacheDir: Path.Combine(folder, ".cache"))).Build().Succeeded);
        var form = forms[0];
        var text = Path.Combine(folder, form.Slug + ".txt");
        File.WriteAllText(text, Poppler.Run("pdftotext", [Path.Combine(output, form.Id, form.Slug + ".pdf"), "-"]));
        var target = Path.Combine(folder, "content");
        var result = ImportRun.Run([text], new ImportOptions(target, templates, null));
        Assert.True(result.HasErrors);
        Assert.False(result.Written);
        Assert.False(Directory.Exists(Path.Combine(target, "forms")));
        Assert.All(result.Findings.Where(d => d.IsError), d => Assert.True(d.Where.Line > 0 && d.Where.Column == 1, ImportRun.Line(d, "en")));
    }

    /// <summary>The example's content and templates folders, and its forms as loaded.</summary>
    internal static (string Content, string Templates, IReadOnlyList<Form> Forms) Example(string example)
    {
        var root = Path.Combine(Repo.Root, "docs", "examples", example);
        var (content, templates) = (Path.Combine(root, "content"), Path.Combine(root, "templates"));
        return (content, templates, ContentLoader.Load(content, new ThemeFiles(templates)).Forms);
    }

    /// <summary>
    /// Imports one source into a folder holding only the example's organisations, compares the form written with
    /// the source form field by field and indicator by indicator, then imports it again: every file unchanged.
    /// </summary>
    internal static List<string> RoundTrip(Form expected, string source, string contentFrom, string templates)
    {
        var content = Repo.TempDir("round-trip");
        Repo.CopyTree(Path.Combine(content, "organisations"), Path.Combine(contentFrom, "organisations"));
        var options = new ImportOptions(content, templates, null);
        var first = ImportRun.Run([source], options);
        var differences = first.Findings.Where(d => d.IsError).Select(d => $"{Path.GetFileName(source)}: {ImportRun.Line(d, "en")}").ToList();
        var imported = ContentLoader.Load(content, new ThemeFiles(templates)).Forms;
        var match = imported.FirstOrDefault(f => f.LayoutId == expected.LayoutId && f.Year == expected.Year && f.ProjectName == expected.ProjectName);
        if (match is null)
        {
            differences.Add($"{Path.GetFileName(source)}: {expected.ProjectName} not imported ({imported.Count} form(s) written)");
            return differences;
        }

        differences.AddRange(FormComparison.Differences(expected, match).Select(d => $"{Path.GetFileName(source)}: {d}"));
        var again = ImportRun.Run([source], options);
        Assert.True(again.Written);
        var summary = Assert.Single(again.Files);
        if (summary is not { Added: 0, Updated: 0, Unchanged: 1 })
        {
            differences.Add($"{Path.GetFileName(source)}: a second import is not idempotent: {string.Join(" / ", again.Summary("en"))}");
        }

        return differences;
    }
}
