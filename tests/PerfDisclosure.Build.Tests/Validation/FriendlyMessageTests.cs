using System.Text.RegularExpressions;
using PerfDisclosure.Build.Authoring;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Reporting;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Validation;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Validation;

/// <summary>Findings a budget officer understands: the nearest valid name suggested, frameworks by their display name, advice that fits the row.</summary>
public class FriendlyMessageTests
{
    [Fact]
    public void A_misspelt_level1_name_suggests_the_nearest_and_names_the_framework_by_its_title()
    {
        var site = new ExampleSite("pd0101-friendly");
        site.AddForm("shenzhen-target", RuleSet.Default.Find("PD0101")!.Example.Trigger);
        var finding = Assert.Single(site.Check(), d => d.Code == "PD0101");
        Assert.Contains("是否应为“产出指标”", finding.Message);
        Assert.Contains("did you mean '产出指标'?", finding.MessageEn);
        Assert.Contains("财政部项目支出绩效指标体系", finding.Message); // mof-shenzhen extends mof and inherits its title
        Assert.DoesNotMatch(@"\bmof\b", finding.Message + finding.MessageEn);
        Assert.Equal(new("改写为“产出指标”", "write '产出指标'"), finding.Fix);
    }

    [Fact]
    public void A_misspelt_level2_name_suggests_the_nearest_under_its_level1()
    {
        var site = new ExampleSite("pd0102-friendly");
        site.AddForm("shenzhen-target", "indicators:\n  - {level1: 产出指标, level2: 数量指表, level3: 国产台式电脑, target: \"12台\", explanation: 采购数量}\n");
        var finding = Assert.Single(site.Check(), d => d.Code == "PD0102");
        Assert.Contains("是否应为“数量指标”", finding.Message);
        Assert.Contains("did you mean '数量指标'?", finding.MessageEn);
    }

    /// <summary>Each name-like finding, from its rule's own example: a field key, a layout id, an enumeration value, an organisation id.</summary>
    [Theory]
    [InlineData("PD0003", "project_name")]
    [InlineData("PD0004", "shenzhen-target")]
    [InlineData("PD0006", "项目法")]
    [InlineData("PD0501", "sz-futian-investment-promotion")]
    public void A_mistyped_name_suggests_the_nearest_valid_one_in_each_language(string code, string nearest)
    {
        var rule = RuleSet.Default.Find(code)!;
        var site = new ExampleSite(code + "-suggests");
        site.AddForm(rule.Example.Layout, rule.Example.Trigger);
        var finding = Assert.Single(site.Check(), d => d.Code == code);
        Assert.EndsWith($"，是否应为“{nearest}”？", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith($"; did you mean '{nearest}'?", finding.MessageEn, StringComparison.Ordinal);
        Assert.Contains(nearest, rule.Example.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "请在偏差原因栏说明", "explain why in the row's deviation column")]
    [InlineData(", deviation: 受疫情影响少办一场", "本行已写明偏差原因", "the row explains the deviation")]
    public void A_missed_target_advises_by_whether_the_deviation_is_written(string deviation, string zh, string en)
    {
        var site = new ExampleSite("pd0203-" + (deviation.Length == 0 ? "bare" : "explained"));
        site.AddForm("shanghai-self-evaluation", $"indicators:\n  - {{level1: 产出指标, level2: 数量指标, level3: 人才活动, target: \"≥4.00(场)\", actual: \"3.00(场)\", weight: 90.00, score: 90.00{deviation}}}\n");
        var finding = Assert.Single(site.Check(), d => d.Code == "PD0203");
        Assert.Contains(zh, finding.Message);
        Assert.Contains(en, finding.MessageEn);
        Assert.Equal(deviation.Length > 0, finding.Fix!.En.StartsWith("check", StringComparison.Ordinal));
    }

    public static TheoryData<string> FormExamples => [.. RuleSet.Default.Rules.Where(r => r.Example.Kind == ExampleKind.Form).Select(r => r.Code)];

    [Theory]
    [MemberData(nameof(FormExamples))]
    public void Every_codes_message_says_what_is_wrong_in_each_language_without_repeating_the_place(string code)
    {
        var rule = RuleSet.Default.Find(code)!;
        var site = new ExampleSite(code + "-words");
        var path = site.AddForm(rule.Example.Layout, rule.Example.Trigger);
        var findings = site.Check().Where(d => d.Code == code).ToList();
        Assert.True(findings.Count > 0, $"{code}'s example did not make it happen");
        Assert.All(findings, d => BothLanguages.Said(d, path));
    }

    /// <summary>The whole catalogue, every rule family included: a title in each language, non-empty and different.</summary>
    [Fact]
    public void Every_code_in_the_catalogue_has_a_title_in_both_languages()
    {
        Assert.NotEmpty(RuleSet.Default.Rules);
        Assert.All(RuleSet.Default.Rules, r =>
        {
            Assert.Matches(BothLanguages.Han(), r.Title);
            Assert.Matches(BothLanguages.EnglishWords(), " " + BothLanguages.Han().Replace(r.TitleEn, " ") + " ");
            Assert.NotEqual(r.Title, r.TitleEn);
        });
    }

    /// <summary>A YAML mistake as the terminal and the browser's error page show it: the place once, then the words, in each language.</summary>
    [Theory]
    [InlineData("zh", "缩进")]
    [InlineData("en", "indentation")]
    public void A_yaml_mistake_shows_its_place_once_in_the_terminal_and_on_the_error_page(string language, string says)
    {
        var site = new ExampleSite("place-once-" + language);
        var path = site.AddForm("shenzhen-target", string.Empty);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\nproject_name:", "\n   project_name:", StringComparison.Ordinal));
        var error = Assert.Single(site.Check(), d => d.Code == "PD0001");
        var file = Path.GetFileName(path);

        var line = DiagnosticWriter.Text(error, language);
        var strings = ThemeStrings.Load(new ThemeFiles(Repo.Templates), new DiagnosticBag());
        var page = new StaffPages(site.Dir, strings, language).ErrorPage([error]);

        Assert.Contains(says, line, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(line, Regex.Escape(file)));
        Assert.Contains(says, page, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(page, Regex.Escape(file)));
        Assert.Contains($"{file}:{error.Where.Line}:{error.Where.Column}", page, StringComparison.Ordinal);
    }
}
