using System.Text.RegularExpressions;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Build.Validation;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Validation;

/// <summary>A throw-away content folder: the seed organisations and minimal valid forms of each layout, which a rule's example snippets patch.</summary>
public sealed partial class ExampleSite
{
    public static readonly IReadOnlyDictionary<string, (string Owner, int Year, string Yaml)> BaseForms = new Dictionary<string, (string, int, string)>
    {
        ["shenzhen-target"] = ("sz-futian-investment-promotion", 2024, """
            layout: shenzhen-target
            year: 2024
            project_code: "440304231151500205016"
            project_name: 办公设备采购
            applicant_unit: sz-futian-investment-promotion
            first_level_budget_unit: sz-futian-investment-promotion
            implementation_period: 3
            project_type: 31 履职类项目
            is_new_project: 否
            allocation_method: 项目法
            medium_term_total: 48.45
            current_year_amount: 12.40
            policy_basis: |
              《深圳市福田区政府投资项目管理办法》
            costing_basis: |
              台式电脑 12 台。
            annual_goal: |
              完成办公设备采购。
            indicators:
              - {level1: 产出指标, level2: 数量指标, level3: 国产台式电脑, target: "12台", explanation: 采购数量}
            """),
        ["shanghai-target-2026"] = ("sh-minhang-investment-promotion", 2026, """
            layout: shanghai-target-2026
            year: 2026
            project_name: 残疾人就业保障金
            nature: 经常性项目
            category: 特定目标类
            department: sh-minhang-economy
            implementing_unit: sh-minhang-investment-promotion
            planned_start: 2026-01-01
            planned_end: 2026-12-31
            funds:
              annual_requested: 56000.00
              current_year_appropriation: 56000.00
              carry_over: 0.00
              annual_other: 0.00
            annual_goal: |
              保障残疾人权益。
            indicators:
              - {level1: 产出指标, level2: 数量指标, level3: 残疾人保障金缴纳完成率, target: "=100.00(%)"}
            """),
        ["shanghai-self-evaluation"] = ("sh-hongqiao-investment-service", 2024, """
            layout: shanghai-self-evaluation
            year: 2024
            project_name: 虹桥国际中央商务区人才服务项目
            department: sh-hongqiao-cbd-committee
            implementing_unit: sh-hongqiao-investment-service
            funds:
              total: {initial_budget: 125.00, full_year_budget: 125.00, execution: 125.00, weight: 10.00, execution_rate: 100.00, score: 10.00}
              current_year_appropriation: {initial_budget: 125.00, full_year_budget: 125.00, execution: 125.00, execution_rate: 100.00}
            expected_goal: |
              举办人才活动。
            actual_outcome: |
              举办人才活动 6 场。
            indicators:
              - {level1: 产出指标, level2: 数量指标, level3: 人才活动, target: "≥4.00(场)", actual: "6.00(场)", weight: 90.00, score: 90.00}
            total_weight: 100.00
            total_score: 100.00
            grade: 优
            """),
    };

    public ExampleSite(string name)
    {
        Dir = Repo.TempDir(name);
        Directory.CreateDirectory(Path.Combine(Dir, "organisations"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Content, "organisations")))
        {
            File.Copy(file, Path.Combine(Dir, "organisations", Path.GetFileName(file)));
        }
    }

    public string Dir { get; }

    /// <summary>Writes the base form of <paramref name="layout"/> patched with <paramref name="snippet"/> at forms/owner/year/slug.yaml.</summary>
    public string AddForm(string layout, string snippet, string slug = "example")
    {
        var (owner, year, yaml) = BaseForms[layout];
        return Write($"forms/{owner}/{year}/{slug}.yaml", Patch(yaml, snippet));
    }

    public string Write(string relative, string text)
    {
        var path = Path.Combine(Dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public IReadOnlyList<Diagnostic> Check(string? templatesDir = null)
    {
        var theme = new ThemeFiles(templatesDir);
        return ContentValidator.Validate(ContentLoader.Load(Dir, theme), theme);
    }

    /// <summary>Replaces each top-level key of <paramref name="yaml"/> that <paramref name="snippet"/> sets, and adds the others.</summary>
    public static string Patch(string yaml, string snippet)
    {
        var replaced = TopLevelKey().Matches(snippet).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var kept = new List<string>();
        var skipping = false;
        foreach (var line in yaml.ReplaceLineEndings("\n").Split('\n'))
        {
            if (TopLevelKey().Match(line) is { Success: true } key)
            {
                skipping = replaced.Contains(key.Groups[1].Value);
            }

            if (!skipping)
            {
                kept.Add(line);
            }
        }

        return string.Join("\n", kept).TrimEnd('\n') + "\n" + snippet;
    }

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*):", RegexOptions.Multiline)]
    private static partial Regex TopLevelKey();
}
