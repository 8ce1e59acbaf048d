using System.Text.Json;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.EndToEnd;

/// <summary>
/// What a self-evaluation's fields mean comes from its layout's roles, not from their keys: a layout whose every key
/// is renamed still gets its scoring checks, value checks, grade facet, charts and open-data columns.
/// </summary>
public class FieldRolesTests
{
    private const string Layout = """
        id: renamed-self-evaluation
        title: 项目支出绩效自评表
        kind: self-evaluation
        owner: danwei
        scoring: renamed
        amount_unit: 元
        amount: zijin.heji.yusuan
        fields:
          - {key: xiangmu, label: 项目名称, type: text, required: true, role: project-name}
          - {key: danwei, label: 预算单位, type: organisation, required: true}
          - key: zijin
            label: 项目资金（元）
            type: group
            role: fund-rows
            fields:
              - key: heji
                label: 合计
                type: group
                fields:
                  - {key: yusuan, label: 全年预算数, type: amount, role: adjusted-budget}
                  - {key: zhixing, label: 全年执行数, type: amount, role: executed}
                  - {key: fenzhi, label: 分值, type: number, role: execution-weight}
                  - {key: zhixinglv, label: 执行率, type: number, role: execution-rate}
                  - {key: defen, label: 得分, type: number, role: execution-score}
          - {key: zongfenzhi, label: 分值合计, type: number, role: total-weight}
          - {key: zongfen, label: 总分, type: number, role: total-score}
          - {key: dengji, label: 评分等级, type: text, values: [优, 良, 中, 差], role: grade}
        indicator_columns:
          - {key: xingzhi, label: 指标性质, type: text, role: comparator}
          - {key: mubiao, label: 指标值, type: value, role: target}
          - {key: danwei_ming, label: 度量单位, type: text, role: unit}
          - {key: shiji, label: 实际完成值, type: value, role: actual}
          - {key: quanzhong, label: 权重, type: number, role: weight}
          - {key: fen, label: 得分, type: number, role: score}
          - {key: yuanyin, label: 偏差原因, type: markdown, role: deviation}
        """;

    private const string Scoring = """
        id: renamed
        total_weight: 100
        grades:
          - {name: 优, min: 90}
          - {name: 良, min: 80}
          - {name: 中, min: 60}
          - {name: 差, min: 0}
        rounding: {decimals: 2, mode: half-up}
        """;

    private const string Template = "<main><h1>{{ form.project_name }}</h1></main>\n";

    private const string Owner = "sh-hongqiao-investment-service";

    // Form a: its weights add up and its total is their sum, but 89 earns 良, not 优 (PD0406); its first indicator,
    // 指标性质 ≧ 95 %, misses with 90 % (PD0203, read from three columns) and scores below its weight unexplained (PD0407).
    private const string FormA = """
        layout: renamed-self-evaluation
        year: 2030
        xiangmu: 甲项目
        danwei: sh-hongqiao-investment-service
        zijin:
          heji: {yusuan: 1000000, zhixing: 900000, fenzhi: 10, zhixinglv: 90, defen: 9}
        zongfenzhi: 100
        zongfen: 89
        dengji: 优
        indicators:
          - {level1: 产出指标, level2: 质量指标, level3: 合格率, xingzhi: "≧", mubiao: "95", danwei_ming: "%", shiji: "90", quanzhong: 50, fen: 40}
          - {level1: 效益指标, level2: 社会效益指标, level3: 覆盖率, xingzhi: "═", mubiao: "100", danwei_ming: "%", shiji: "100", quanzhong: 40, fen: 40}
        """;

    // Form b: weights 10 + 50 + 30 = 90, not 100 (PD0404); scores 9 + 30 + 30 = 69, printed 75 (PD0405).
    private const string FormB = """
        layout: renamed-self-evaluation
        year: 2030
        xiangmu: 乙项目
        danwei: sh-hongqiao-investment-service
        zijin:
          heji: {yusuan: 500000, zhixing: 450000, fenzhi: 10, zhixinglv: 90, defen: 9}
        zongfenzhi: 90
        zongfen: 75
        dengji: 中
        indicators:
          - {level1: 产出指标, level2: 数量指标, level3: 场次, xingzhi: "≥", mubiao: "4", danwei_ming: 场, shiji: "4", quanzhong: 50, fen: 30, yuanyin: 宣传不足}
          - {level1: 效益指标, level2: 社会效益指标, level3: 参与率, mubiao: "≥80%", shiji: "85%", quanzhong: 30, fen: 30}
        """;

    private static TestSite Site()
    {
        var site = new TestSite("roles");
        site.Write("templates/layouts/forms/renamed-self-evaluation.yaml", Layout);
        site.Write("templates/layouts/forms/renamed-self-evaluation.sbn-html", Template);
        site.Write("templates/scoring/renamed.yaml", Scoring);
        site.Write($"forms/{Owner}/2030/a.yaml", FormA);
        site.Write($"forms/{Owner}/2030/b.yaml", FormB);
        return site;
    }

    [Fact]
    public void Scoring_and_value_checks_find_the_fields_by_their_roles()
    {
        var site = Site();

        var (_, diagnostics) = new SiteBuilder(site.Options()).Check();

        string[] Codes(string file) => [.. diagnostics.Where(d => d.Where.File.EndsWith($"2030/{file}", StringComparison.Ordinal)).Select(d => d.Code).Order(StringComparer.Ordinal)];
        Assert.Equal(["PD0203", "PD0406", "PD0407"], Codes("a.yaml"));
        Assert.Equal(["PD0404", "PD0405"], Codes("b.yaml"));
        var grade = Assert.Single(diagnostics, d => d.Code == "PD0406");
        Assert.Equal(new("改为 dengji: 良", "write dengji: 良"), grade.Fix);
    }

    [Fact]
    public void Listings_search_charts_and_open_data_read_the_roles()
    {
        var site = Site();

        var result = new SiteBuilder(site.Options() with { NoPdf = true }).Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics.Where(d => d.IsError)));
        string Read(string path) => File.ReadAllText(Path.Combine(site.Output, path));
        Assert.Contains("<title>甲项目", Read($"{Owner}/2030/a/index.html"), StringComparison.Ordinal);

        using var meta = JsonDocument.Parse(Read("search/meta.json"));
        var grade = meta.RootElement.GetProperty("facets").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "grade");
        var grades = grade.GetProperty("values").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Contains("中", grades);
        Assert.True(grades.IndexOf("优") < grades.IndexOf("中"), "grades rank best first");

        var year = Read($"{Owner}/2030/index.html");
        Assert.Contains("id=\"grade-counts", year, StringComparison.Ordinal);
        Assert.Contains("id=\"score-bands", year, StringComparison.Ordinal);
        Assert.Contains(">89.00<", year, StringComparison.Ordinal); // the listing's 总分

        var csv = File.ReadAllLines(Path.Combine(site.Output, "data", "forms.csv"));
        var header = csv[0].Split(',');
        var row = csv.Single(l => l.Contains($"{Owner}/2030/b", StringComparison.Ordinal)).Split(',');
        Assert.Equal("75", row[Array.IndexOf(header, "总分")]);
        Assert.Equal("中", row[Array.IndexOf(header, "评分等级")]);
        Assert.Equal("乙项目", row[Array.IndexOf(header, "项目名称")]);
    }

    [Theory]
    [InlineData("role: total-score}", "role: total-scor}", "total-score")] // a typo, with the closest role
    [InlineData("type: value, role: actual}", "type: value, role: target}", "target")] // a second column with one role
    [InlineData("type: markdown, role: deviation}", "type: markdown, role: weight}", "weight")] // a text column as the weight
    public void A_role_that_is_unknown_taken_twice_or_of_the_wrong_type_is_an_error_at_its_line(string find, string replacement, string role)
    {
        var site = Site();
        var layout = Layout.Replace(find, replacement, StringComparison.Ordinal);
        if (role == "weight")
        {
            layout = layout.Replace("type: number, role: weight}", "type: number}", StringComparison.Ordinal);
        }

        site.Write("templates/layouts/forms/renamed-self-evaluation.yaml", layout);

        var (_, diagnostics) = new SiteBuilder(site.Options()).Check();

        var error = Assert.Single(diagnostics, d => d.Code == "PD0010");
        Assert.EndsWith("renamed-self-evaluation.yaml", error.Where.File, StringComparison.Ordinal);
        Assert.Equal(layout.Split('\n').ToList().FindLastIndex(l => l.Contains(replacement, StringComparison.Ordinal)) + 1, error.Where.Line);
        Assert.Contains(role, (error.MessageEn + error.Fix?.En), StringComparison.Ordinal);
    }
}
