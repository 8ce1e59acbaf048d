using PerfDisclosure.Build.Importing;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Tests.Pdf;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Importing;

/// <summary>
/// A layout that is in no folder of the repository, written here into a temporary site: keys no seed uses, other
/// labels, level headers no seed prints (指标层级一 …), a title with the year after the name, a fund block of
/// repeating rows and a two-row indicator header. Its form, printed to PDF by the default engine, and the same
/// cells as a spreadsheet holds them (a merged cell, a label with its value below it) import as the form, from
/// .xlsx, tab-separated text, one cell per line and the PDF; nothing of the import's knowledge comes from C#.
/// </summary>
public class UnseenLayoutTests(PrintedCorpus corpus)
{
    private const string Layout = """
        id: county-d-self-evaluation
        title: 部门预算项目支出绩效自评表
        kind: self-evaluation
        jurisdiction: 丁县
        owner: zhuguan
        framework: mof
        scoring: county-d
        amount_unit: 元
        amount: zijin.heji.tiaozheng
        landscape: true
        level_labels: {level1: 指标层级一, level2: 指标层级二, level3: 指标层级三}
        fields:
          - {key: bianhao, label: 项目编号, type: text, required: true, role: project-code}
          - {key: mingcheng, label: 项目全称, type: text, required: true, role: project-name}
          - {key: zhuguan, label: 预算主管单位, type: organisation, required: true}
          - key: zijin
            label: 资金情况（元）
            type: group
            required: true
            role: fund-rows
            fields:
              - key: heji
                label: 资金合计
                type: group
                fields:
                  - {key: tiaozheng, label: 调整预算, type: amount, format: "#,##0.00", role: adjusted-budget}
                  - {key: zhichu, label: 实际支出, type: amount, format: "#,##0.00", role: executed}
                  - {key: manfen, label: 满分, type: number, format: "0.00", role: execution-weight}
                  - {key: zhichulv, label: 支出率, type: number, format: "0.00", role: execution-rate}
                  - {key: pingfen, label: 评分, type: number, format: "0.00", role: execution-score}
              - key: caizheng
                label: 财政拨款
                type: group
                fields:
                  - {key: tiaozheng, label: 调整预算, type: amount, format: "#,##0.00"}
                  - {key: zhichu, label: 实际支出, type: amount, format: "#,##0.00"}
                  - {key: zhichulv, label: 支出率, type: number, format: "0.00"}
          - {key: yuqi, label: 预期目标, type: markdown, required: true}
          - {key: wancheng, label: 目标完成情况, type: markdown, required: true}
          - {key: manfen_heji, label: 满分合计, type: number, format: "0.00", required: true, role: total-weight}
          - {key: zipingfen, label: 自评得分, type: number, format: "0.00", required: true, role: total-score}
          - {key: dengci, label: 自评等次, type: text, required: true, values: [优, 良, 中, 差], role: grade}
        indicator_columns:
          - {key: mbz, label: 目标值, type: value, group: 年度指标, role: target}
          - {key: sjz, label: 实际值, type: value, group: 年度指标, role: actual}
          - {key: mfz, label: 满分值, type: number, format: "0.00", role: weight}
          - {key: pfz, label: 评分值, type: number, format: "0.00", role: score}
          - {key: yuanyin, label: 未完成原因, type: text, role: deviation}
        """;

    /// <summary>The layout's page: a fund block of two rows under one header, the goal texts, the indicator table, the totals in one row.</summary>
    private const string Page = """
        {{~ level3_colspan = 1; target_colspan = 1; labels = form.layout.labels; funds = form.f.zijin; fund = labels.zijin.heji ~}}
        <h1>{{ form.project_name }}</h1>
        {{ include "form-notes" }}
        <div class="table-scroll" role="region" aria-labelledby="form-caption" tabindex="0">
        <table class="official-form layout-{{ form.layout.id }}">
        <caption id="form-caption">{{ form.layout.title }}<span class="caption-year">（{{ form.year }}年度）</span></caption>
        <tbody>
        <tr><th scope="row" colspan="2">{{ labels.bianhao }}</th><td colspan="3">{{ form.f.bianhao }}</td><th scope="row" colspan="2">{{ labels.mingcheng }}</th><td colspan="3">{{ form.f.mingcheng }}</td></tr>
        <tr><th scope="row" colspan="2">{{ labels.zhuguan }}</th><td colspan="8">{{ form.f.zhuguan }}</td></tr>
        </tbody>
        <tbody class="funds">
        <tr><th scope="rowgroup" rowspan="3" colspan="2">{{ labels.zijin._label }}</th><td colspan="3"></td><th scope="col" id="f-t">{{ fund.tiaozheng }}</th><th scope="col" id="f-z">{{ fund.zhichu }}</th><th scope="col" id="f-m">{{ fund.manfen }}</th><th scope="col" id="f-l">{{ fund.zhichulv }}</th><th scope="col" id="f-p">{{ fund.pingfen }}</th></tr>
        <tr><th scope="row" colspan="3" id="r-h">{{ labels.zijin.heji._label }}</th><td class="num" headers="f-t r-h">{{ funds.heji.tiaozheng }}</td><td class="num" headers="f-z r-h">{{ funds.heji.zhichu }}</td><td class="num" headers="f-m r-h">{{ funds.heji.manfen }}</td><td class="num" headers="f-l r-h">{{ funds.heji.zhichulv }}</td><td class="num" headers="f-p r-h">{{ funds.heji.pingfen }}</td></tr>
        <tr><th scope="row" colspan="3" id="r-c">{{ labels.zijin.caizheng._label }}</th><td class="num" headers="f-t r-c">{{ funds.caizheng.tiaozheng }}</td><td class="num" headers="f-z r-c">{{ funds.caizheng.zhichu }}</td><td></td><td class="num" headers="f-l r-c">{{ funds.caizheng.zhichulv }}</td><td></td></tr>
        </tbody>
        <tbody>
        <tr><th scope="row" colspan="2">{{ labels.yuqi }}</th><td colspan="8" class="text">{{ form.f.yuqi }}</td></tr>
        <tr><th scope="row" colspan="2">{{ labels.wancheng }}</th><td colspan="8" class="text">{{ form.f.wancheng }}</td></tr>
        </tbody>
        {{ include "indicator-table" }}
        <tbody data-section="totals">
        <tr><th scope="row" colspan="2" id="t-w">{{ labels.manfen_heji }}</th><td class="num" colspan="2" headers="t-w">{{ form.f.manfen_heji }}</td><th scope="row" colspan="2" id="t-s">{{ labels.zipingfen }}</th><td class="num" headers="t-s">{{ form.f.zipingfen }}</td><th scope="row" id="t-g">{{ labels.dengci }}</th><td colspan="2" class="grade" headers="t-g">{{ form.f.dengci }}</td></tr>
        </tbody>
        </table>
        </div>
        """;

    private const string ImportPatterns = """
        titles: ["部门预算项目支出绩效自评表({year}年度)", "部门预算项目支出绩效自评表（{year}年度）"]
        """;

    private const string Source = """
        layout: county-d-self-evaluation
        year: 2023
        bianhao: DX-2023-017
        mingcheng: 乡村道路养护
        zhuguan: county-d-transport
        zijin:
          heji: {tiaozheng: 150000.00, zhichu: 120000.00, manfen: 10, zhichulv: 80.00, pingfen: 8.00}
          caizheng: {tiaozheng: 150000.00, zhichu: 120000.00, zhichulv: 80.00}
        yuqi: 完成全县120公里乡村道路的日常养护。
        wancheng: 完成110公里，汛期两段道路中断，养护推迟。
        manfen_heji: 100
        zipingfen: 96.00
        dengci: 优
        indicators:
          - {level1: 产出指标, level2: 数量指标, level3: 养护里程, mbz: "≥120公里", sjz: "110公里", mfz: 40, pfz: 38, yuanyin: 汛期道路中断}
          - {level1: 产出指标, level2: 质量指标, level3: 路面完好率, mbz: "≥90%", sjz: "92%", mfz: 20, pfz: 20}
          - {level1: 效益指标, level2: 社会效益指标, level3: 群众出行条件改善, mbz: 明显改善, sjz: 明显改善, mfz: 20, pfz: 20}
          - {level1: 满意度指标, level2: 服务对象满意度指标, level3: 沿线群众满意度, mbz: "≥90%", sjz: "95%", mfz: 10, pfz: 10}
        """;

    /// <summary>The temporary site: its templates (the layout, its import patterns and scoring) and content.</summary>
    private static (string Content, string Templates, string Folder) Site()
    {
        var folder = Repo.TempDir("unseen-layout");
        var (content, templates) = (Path.Combine(folder, "content"), Path.Combine(folder, "templates"));
        Write(Path.Combine(templates, "layouts", "forms", "county-d-self-evaluation.yaml"), Layout);
        Write(Path.Combine(templates, "layouts", "forms", "county-d-self-evaluation.sbn-html"), Page);
        Write(Path.Combine(templates, "import", "county-d-self-evaluation.yaml"), ImportPatterns);
        // 乙省's grade bands and rounding, under this site's id.
        var scoring = File.ReadAllText(Path.Combine(Repo.Root, "docs", "examples", "province-b-self-evaluation", "templates", "scoring", "province-b.yaml"));
        Write(Path.Combine(templates, "scoring", "county-d.yaml"), scoring.Replace("id: province-b", "id: county-d", StringComparison.Ordinal));
        Write(Path.Combine(content, "site.yaml"), "title: 丁县部门预算绩效公开\nbase_url: https://example.gov.cn/county-d/\n");
        Write(Path.Combine(content, "organisations", "county-d-transport.yaml"), "name: 丁县交通运输局\njurisdiction: 丁县\n");
        Write(Path.Combine(content, "forms", "county-d-transport", "2023", "road-maintenance.yaml"), Source);
        return (content, templates, folder);
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text + "\n");
    }

    /// <summary>The form as a spreadsheet holds it: the title with the year after it, a label with its value below it, a two-row header.</summary>
    private static readonly string[][] Sheet =
    [
        ["部门预算项目支出绩效自评表(2023年度)"],
        ["项目编号", "DX-2023-017", "项目全称", "乡村道路养护"],
        ["预算主管单位", "丁县交通运输局"],
        ["资金情况（元）", "", "调整预算", "实际支出", "满分", "支出率", "评分"],
        ["", "资金合计", "150,000.00", "120,000.00", "10.00", "80.00", "8.00"],
        ["", "财政拨款", "150,000.00", "120,000.00", "", "80.00", ""],
        ["预期目标"],
        ["完成全县120公里乡村道路的日常养护。"],
        ["目标完成情况", "完成110公里，汛期两段道路中断，养护推迟。"],
        ["指标层级一", "指标层级二", "指标层级三", "年度指标", "", "满分值", "评分值", "未完成原因"],
        ["", "", "", "目标值", "实际值"],
        ["产出指标", "数量指标", "养护里程", "≥120公里", "110公里", "40.00", "38.00", "汛期道路中断"],
        ["", "质量指标", "路面完好率", "≥90%", "92%", "20.00", "20.00"],
        ["效益指标", "社会效益指标", "群众出行条件改善", "明显改善", "明显改善", "20.00", "20.00"],
        ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "95%", "10.00", "10.00"],
        ["满分合计", "100.00", "自评得分", "96.00", "自评等次", "优"],
    ];

    [Fact]
    public void An_unseen_layouts_form_imports_from_xlsx_text_one_cell_per_line_and_its_pdf()
    {
        corpus.Require();
        var (content, templates, folder) = Site();
        var expected = Assert.Single(ContentLoader.Load(content, new Build.Theme.ThemeFiles(templates)).Forms);
        var output = Path.Combine(folder, "site");
        var built = new SiteBuilder(new BuildOptions(content, templates, output, RequirePdf: true, CacheDir: Path.Combine(folder, ".cache"))).Build();
        Assert.True(built.Succeeded, string.Join("; ", built.Diagnostics.Where(d => d.IsError)));

        var workbook = Path.Combine(folder, "road.xlsx");
        XlsxFixture.Write(workbook, [("自评表", Sheet)]);
        var text = Path.Combine(folder, "road.txt");
        File.WriteAllLines(text, Sheet.Select(r => string.Join('\t', r)));
        var lines = Path.Combine(folder, "road-lines.txt");
        File.WriteAllLines(lines, Sheet.SelectMany(r => r).Where(c => c.Length > 0));
        var pdf = Path.Combine(output, expected.Id, expected.Slug + ".pdf");

        var differences = new List<string>();
        foreach (var source in new[] { workbook, text, lines, pdf })
        {
            differences.AddRange(RoundTrip(expected, source, content, templates));
        }

        Assert.True(differences.Count == 0, $"{differences.Count} difference(s):\n" + string.Join('\n', differences.Take(200)));
    }

    /// <summary>
    /// Two forms one cell per line, imported into an empty folder: the organisation is created, each file's first
    /// comment names the line of the text its form starts at (not the row the lines were put back into), and a
    /// second import changes nothing.
    /// </summary>
    [Fact]
    public void Forms_one_cell_per_line_name_their_line_and_import_into_an_empty_folder()
    {
        var (_, templates, folder) = Site();
        var first = Sheet.SelectMany(r => r).Where(c => c.Length > 0).ToList();
        var second = first.Select(c => c switch { "DX-2023-017" => "DX-2023-018", "乡村道路养护" => "乡村桥梁养护", _ => c }).ToList();
        var lines = Path.Combine(folder, "two-forms.txt");
        File.WriteAllLines(lines, [.. first, .. second]);
        var content = Path.Combine(Repo.TempDir("unseen-empty"), "content");
        var result = ImportRun.Run([lines], new ImportOptions(content, templates, null));
        Assert.True(result.Written, string.Join('\n', result.Findings.Select(d => ImportRun.Line(d, "en"))));
        Assert.False(result.HasErrors);
        var organisation = Assert.Single(Directory.GetFiles(Path.Combine(content, "organisations")));
        Assert.Contains("丁县交通运输局", File.ReadAllText(organisation), StringComparison.Ordinal);
        var written = Directory.GetFiles(Path.Combine(content, "forms"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        Assert.Equal(2, written.Count);
        Assert.Contains(written, t => t.Contains("# imported from two-forms.txt, line 1\n", StringComparison.Ordinal) && t.Contains("乡村道路养护", StringComparison.Ordinal));
        Assert.Contains(written, t => t.Contains($"# imported from two-forms.txt, line {first.Count + 1}\n", StringComparison.Ordinal) && t.Contains("乡村桥梁养护", StringComparison.Ordinal));
        var again = ImportRun.Run([lines], new ImportOptions(content, templates, null));
        Assert.Equal((0, 0, 2), (again.Files.Sum(f => f.Added), again.Files.Sum(f => f.Updated), again.Files.Sum(f => f.Unchanged)));
    }

    /// <summary>
    /// Three forms in one tab-separated file: one complete, one with text in a number column (评分值 三十八), one with a
    /// cell no field takes. Nothing is written, not even the organisation, and each problem is at its row and column;
    /// with <c>--partial</c> only the complete form is written, and no text is in a number field of any file.
    /// </summary>
    [Fact]
    public void A_cell_not_placed_or_text_in_a_number_field_writes_nothing_unless_partial()
    {
        var (_, templates, folder) = Site();
        string[][] Named(string code, string name) => [.. Sheet.Select(r => r.Select(c => c switch { "DX-2023-017" => code, "乡村道路养护" => name, _ => c }).ToArray())];
        var complete = Named("DX-2023-017", "乡村道路养护");
        var wrongType = Named("DX-2023-018", "乡村桥梁养护");
        wrongType[12][6] = "三十八";
        var unplaced = Named("DX-2023-019", "乡村道路绿化");
        unplaced = [.. unplaced.Take(3), ["备注栏", "不属于任何字段"], .. unplaced.Skip(3)];
        var text = Path.Combine(folder, "three-forms.txt");
        File.WriteAllLines(text, complete.Concat(wrongType).Concat(unplaced).Select(r => string.Join('\t', r)));
        var wrongRow = complete.Length + 13;
        var unplacedRow = complete.Length + wrongType.Length + 4;

        var content = Path.Combine(Repo.TempDir("unseen-refused"), "content");
        var refused = ImportRun.Run([text], new ImportOptions(content, templates, null));
        Assert.False(refused.Written);
        Assert.False(Directory.Exists(content), "import wrote into the content folder although forms have errors");
        Assert.Contains(refused.Findings, d => d.Code == "PD1002" && (d.Where.Line, d.Where.Column) == (wrongRow, 7));
        Assert.Contains(refused.Findings, d => d.Code == "PD1001" && d.Where.Line == unplacedRow && d.Where.Column is 1 or 2);

        var partial = ImportRun.Run([text], new ImportOptions(content, templates, null, Partial: true));
        Assert.True(partial.Written);
        var written = Directory.GetFiles(Path.Combine(content, "forms"), "*.yaml", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        Assert.Contains("乡村道路养护", Assert.Single(written), StringComparison.Ordinal);
        Assert.DoesNotContain(written, t => t.Contains("三十八", StringComparison.Ordinal) || t.Contains("不属于任何字段", StringComparison.Ordinal));
        Assert.Contains(partial.Findings, d => d.Code == "PD1002" && (d.Where.Line, d.Where.Column) == (wrongRow, 7));
    }

    /// <summary>
    /// The layout names its indicator table's headers once (<c>level_labels:</c> 指标层级一 …): its page prints them
    /// where the theme prints 一级指标, and import finds the table by them with no word of its import patterns.
    /// </summary>
    [Fact]
    public void The_layouts_level_labels_head_its_page_and_are_what_import_finds()
    {
        var (content, templates, folder) = Site();
        var expected = Assert.Single(ContentLoader.Load(content, new Build.Theme.ThemeFiles(templates)).Forms);
        var output = Path.Combine(folder, "site");
        var built = new SiteBuilder(new BuildOptions(content, templates, output, NoPdf: true, CacheDir: Path.Combine(folder, ".cache"))).Build();
        Assert.True(built.Succeeded, string.Join("; ", built.Diagnostics.Where(d => d.IsError)));
        var page = File.ReadAllText(Path.Combine(output, expected.Id, "index.html"));
        var header = page[page.IndexOf("data-section=\"indicator-header\"", StringComparison.Ordinal)..];
        header = header[..header.IndexOf("</tbody>", StringComparison.Ordinal)];
        Assert.Equal(["指标层级一", "指标层级二", "指标层级三"], System.Text.RegularExpressions.Regex.Matches(header, "id=\"col-level[123]\"[^>]*>([^<]*)<").Select(m => m.Groups[1].Value));
        Assert.DoesNotContain("一级指标", page, StringComparison.Ordinal);
        Assert.DoesNotContain("level_headers", File.ReadAllText(Path.Combine(templates, "import", "county-d-self-evaluation.yaml")), StringComparison.Ordinal);

        var text = Path.Combine(folder, "road.txt");
        File.WriteAllLines(text, Sheet.Select(r => string.Join('\t', r)));
        Assert.Empty(RoundTrip(expected, text, content, templates));
    }

    /// <summary>
    /// The same layout without <c>level_labels:</c>: its headers are the theme's (一级指标 …), which the sheet does not
    /// print, so the indicator table is not found, and its cells are reported (PD1001) at their rows; nothing is written.
    /// </summary>
    [Fact]
    public void Without_the_printed_level_labels_the_indicator_rows_are_reported_not_dropped()
    {
        var (_, templates, folder) = Site();
        var layout = Path.Combine(templates, "layouts", "forms", "county-d-self-evaluation.yaml");
        File.WriteAllLines(layout, File.ReadAllLines(layout).Where(l => !l.StartsWith("level_labels:", StringComparison.Ordinal)));
        var text = Path.Combine(folder, "no-headers.txt");
        File.WriteAllLines(text, Sheet.Select(r => string.Join('\t', r)));
        var content = Path.Combine(Repo.TempDir("unseen-no-headers"), "content");
        var result = ImportRun.Run([text], new ImportOptions(content, templates, null));
        Assert.False(result.Written);
        Assert.False(Directory.Exists(content));
        var header = Array.FindIndex(Sheet, r => r[0] == "指标层级一") + 1;
        Assert.Contains(result.Findings, d => d.Code == "PD1001" && (d.Where.Line, d.Where.Column) == (header, 1));
        Assert.Contains(result.Findings, d => d.Code == "PD1001" && d.Where.Line == header + 2);
    }

    /// <summary>Imports into a folder holding only the organisations (or nothing), compares, checks, imports again.</summary>
    private static List<string> RoundTrip(Form expected, string source, string contentFrom, string templates, bool withOrganisations = true)
    {
        var content = Repo.TempDir("unseen-round-trip");
        if (withOrganisations)
        {
            Repo.CopyTree(Path.Combine(content, "organisations"), Path.Combine(contentFrom, "organisations"));
        }

        var options = new ImportOptions(content, templates, null);
        var first = ImportRun.Run([source], options);
        var name = Path.GetFileName(source);
        var differences = first.Findings.Where(d => d.IsError).Select(d => $"{name}: {ImportRun.Line(d, "en")}").ToList();
        var checkedSite = new SiteBuilder(new BuildOptions(content, templates, Path.Combine(content, "..", "unused-output"))).Check();
        differences.AddRange(checkedSite.Diagnostics.Where(d => d.IsError && d.Code.StartsWith("PD00", StringComparison.Ordinal)).Select(d => $"{name}: check: {d}"));
        var match = checkedSite.Content.Forms.FirstOrDefault(f => f.LayoutId == expected.LayoutId && f.Year == expected.Year && f.ProjectName == expected.ProjectName);
        if (match is null)
        {
            differences.Add($"{name}: {expected.ProjectName} not imported ({checkedSite.Content.Forms.Count} form(s) written)");
            return differences;
        }

        var comparable = withOrganisations ? FormComparison.Differences(expected, match) : FormComparison.Differences(expected, match).Where(d => !d.StartsWith("zhuguan", StringComparison.Ordinal));
        differences.AddRange(comparable.Select(d => $"{name}: {d}"));
        var again = ImportRun.Run([source], options);
        if (Assert.Single(again.Files) is not { Added: 0, Updated: 0, Unchanged: 1 })
        {
            differences.Add($"{name}: a second import is not idempotent: {string.Join(" / ", again.Summary("en"))}");
        }

        return differences;
    }
}
