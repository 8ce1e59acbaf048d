using System.Globalization;
using AngleSharp.Html.Parser;
using PerfDisclosure.Testing;
using YamlDotNet.RepresentationModel;

namespace PerfDisclosure.Build.Tests.EndToEnd;

/// <summary>
/// docs/examples' three sites in the shapes of other provinces' forms, each published by configuration alone (its own
/// layout, template, framework or scoring file): check finds the one inconsistency planted in each and nothing else,
/// and build publishes every value of every form.
/// </summary>
public class ExampleSitesTests
{
    private static string Example(string name) => Path.Combine(Repo.Root, "docs", "examples", name);

    public static TheoryData<string, string, int, string> Planted => new()
    {
        // 成本指标 under 产出指标 written in 万元 where its figure is in 元: ≤1200万元 against a budget of 120 万元.
        { "province-a-target", "forms/pa-culture-tourism-department/2024/public-library-reading.yaml", 16, "PD0304" },
        // ≧ 95 % (指标性质 / 指标值 / 度量单位 in three columns under 年度指标值) met with 90 %.
        { "province-b-self-evaluation", "forms/pb-vocational-training-centre/2024/skills-training.yaml", 15, "PD0203" },
        // 预算执行数 of the total row is not the sum of the fund-source rows.
        { "province-c-department-self-evaluation", "forms/pc-agriculture-bureau/2024/grassroots-extension-services.yaml", 8, "PD0301" },
    };

    [Theory]
    [MemberData(nameof(Planted))]
    public void Check_finds_the_planted_inconsistency_and_nothing_else(string site, string file, int line, string code)
    {
        var root = Example(site);
        var (_, diagnostics) = new SiteBuilder(new BuildOptions(Path.Combine(root, "content"), Path.Combine(root, "templates"), Path.Combine(Repo.TempDir(site + "-check"), "site"))).Check();

        var finding = Assert.Single(diagnostics);
        Assert.Equal((code, Path.GetFullPath(Path.Combine(root, "content", file)), line), (finding.Code, Path.GetFullPath(finding.Where.File), finding.Where.Line));
    }

    [Theory]
    [InlineData("province-a-target")]
    [InlineData("province-b-self-evaluation")]
    [InlineData("province-c-department-self-evaluation")]
    public void Build_publishes_every_value_of_every_form(string site)
    {
        var root = Example(site);
        var content = Path.Combine(root, "content");
        var output = Path.Combine(Repo.TempDir(site + "-build"), "site");
        var result = new SiteBuilder(new BuildOptions(content, Path.Combine(root, "templates"), output)).Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var organisations = Directory.GetFiles(Path.Combine(content, "organisations"), "*.yaml")
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f)!, f => Scalars(f).Single(s => s.Key == "name").Value);
        var forms = Directory.GetFiles(Path.Combine(content, "forms"), "*.yaml", SearchOption.AllDirectories);
        Assert.InRange(forms.Length, 2, 3);
        foreach (var form in forms)
        {
            var relative = Path.GetRelativePath(Path.Combine(content, "forms"), form);
            var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, Path.ChangeExtension(relative, null), "index.html")));
            var text = page.QuerySelector("table.official-form")!.TextContent;
            foreach (var (key, value) in Scalars(form).Where(s => s.Key is not ("layout" or "year")))
            {
                var shown = organisations.TryGetValue(value, out var name) ? [name]
                    : decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? [value, number.ToString("#,##0.00", CultureInfo.InvariantCulture), number.ToString("0.00", CultureInfo.InvariantCulture)]
                    : new[] { value };
                Assert.True(shown.Any(s => text.Contains(s, StringComparison.Ordinal)), $"{relative}: {key} '{value}' is not on the page");
            }

            // The rows a print engine tells apart: the indicator header, the indicators, the rows after, the footer.
            Assert.NotEmpty(page.QuerySelectorAll("[data-section=indicator-header] th[scope=col]"));
            Assert.NotEmpty(page.QuerySelectorAll("[data-section=indicators] tr"));
        }
    }

    [Fact]
    public void The_sites_framework_adds_a_level2_with_its_hints_without_copying_the_ministrys()
    {
        var dir = Repo.TempDir("province-a-framework");
        Repo.CopyTree(dir, Example("province-a-target"));
        File.Delete(Path.Combine(dir, "templates", "frameworks", "province-a.yaml"));
        var layout = Path.Combine(dir, "templates", "layouts", "forms", "province-a-target.yaml");
        File.WriteAllText(layout, File.ReadAllText(layout).Replace("framework: province-a", "framework: mof", StringComparison.Ordinal));

        var (_, diagnostics) = new SiteBuilder(new BuildOptions(Path.Combine(dir, "content"), Path.Combine(dir, "templates"), Path.Combine(dir, "site"))).Check();

        // Under the Ministry's framework alone, 社会公众或服务对象满意度指标 is not a 二级指标 of 效益指标: one finding per row.
        var rows = diagnostics.Where(d => d.Code == "PD0102").ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, d => Assert.Contains("社会公众或服务对象满意度指标", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void The_two_row_header_the_rows_after_and_the_footer_are_marked()
    {
        var output = Path.Combine(Repo.TempDir("example-markers"), "site");
        foreach (var site in new[] { "province-a-target", "province-b-self-evaluation", "province-c-department-self-evaluation" })
        {
            Assert.True(new SiteBuilder(new BuildOptions(Path.Combine(Example(site), "content"), Path.Combine(Example(site), "templates"), Path.Combine(output, site))).Build().Succeeded);
        }

        var parser = new HtmlParser();
        var b = parser.ParseDocument(File.ReadAllText(Path.Combine(output, "province-b-self-evaluation", "pb-vocational-training-centre", "2024", "skills-training", "index.html")));
        var header = b.QuerySelectorAll("tbody[data-section=indicator-header] tr");
        Assert.Equal(2, header.Length);
        Assert.Equal(["指标性质", "指标值", "度量单位"], header[1].Children.Select(c => c.TextContent));
        Assert.Equal(["≧", "95", "%", "90"], b.QuerySelectorAll("tbody[data-section=indicators] tr")[1].QuerySelectorAll("td").Take(4).Select(c => c.TextContent));

        var c = parser.ParseDocument(File.ReadAllText(Path.Combine(output, "province-c-department-self-evaluation", "pc-agriculture-bureau", "2024", "seed-quality-monitoring", "index.html")));
        Assert.Equal(["存在问题", "改进措施"], c.QuerySelectorAll("tbody[data-section=after] th").Select(th => th.TextContent));

        var a = parser.ParseDocument(File.ReadAllText(Path.Combine(output, "province-a-target", "pa-culture-tourism-department", "2024", "museum-digitisation", "index.html")));
        Assert.Equal(["财政部门审核意见", "填表人", "联系电话"], a.QuerySelectorAll("table > tfoot[data-section=footer] th").Select(th => th.TextContent));
    }

    private static List<(string Key, string Value)> Scalars(string file)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(file))
        {
            stream.Load(reader);
        }

        var scalars = new List<(string, string)>();
        void Walk(string key, YamlNode node)
        {
            switch (node)
            {
                case YamlScalarNode { Value: { } value }:
                    scalars.Add((key, value.Trim()));
                    break;
                case YamlMappingNode mapping:
                    foreach (var (k, v) in mapping.Children)
                    {
                        Walk(((YamlScalarNode)k).Value!, v);
                    }

                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children)
                    {
                        Walk(key, item);
                    }

                    break;
            }
        }

        Walk(string.Empty, stream.Documents[0].RootNode);
        return scalars;
    }
}
