using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Tests.Validation;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Loading;

/// <summary>
/// Layout, framework and scoring files are checked like content: a seed file with one mistake, written into a site's
/// own templates folder, gives one error at the mistake's file, line and column, with the closest right name.
/// </summary>
public class ThemeFileCheckTests
{
    private const string SelfEvaluation = "layouts/forms/shanghai-self-evaluation.yaml";
    private const string Shenzhen = "layouts/forms/shenzhen-target.yaml";
    private const string Mof = "frameworks/mof.yaml";
    private const string MofShenzhen = "frameworks/mof-shenzhen.yaml";
    private const string Scoring = "scoring/shanghai.yaml";

    /// <summary>
    /// A seed theme file, the text replaced in it, the replacement, the code expected, the text the error points at
    /// (within the replacement) and what the message or its fix must say.
    /// </summary>
    public static TheoryData<string, string, string, string, string, string> Broken() => new()
    {
        // layouts: unknown keys, closed lists, types
        { SelfEvaluation, "landscape: true", "landscap: true", "PD0010", "landscap", "did you mean 'landscape'?" },
        { SelfEvaluation, "kind: self-evaluation", "kind: self-evalution", "PD0010", "self-evalution", "did you mean 'self-evaluation'?" },
        { Shenzhen, "{key: policy_basis, label: 政策依据, type: markdown", "{key: policy_basis, label: 政策依据, type: markdwn", "PD0010", "markdwn", "did you mean 'markdown'?" },
        { Shenzhen, "landscape: false", "landscape: maybe", "PD0010", "maybe", "true or false" },
        { Shenzhen, "amount_unit: 万元", "amount_unit: 万圆", "PD0010", "万圆", "元, 万元" },
        { Shenzhen, "kind: target", "kind:", "PD0010", "kind", "'kind' is missing" },
        { Shenzhen, "{key: project_code,", "{key: Project-Code,", "PD0010", "Project-Code", "lower-case ASCII letters" },
        { Shenzhen, "values: [是, 否]", "values: 是", "PD0010", "是", "must be a list" },
        // layouts: paths that name no field, or a field of the wrong type
        { Shenzhen, "owner: applicant_unit", "owner: applicant_unitt", "PD0010", "applicant_unitt", "did you mean 'applicant_unit'?" },
        { Shenzhen, "owner: applicant_unit", "owner: project_name", "PD0010", "project_name", "a top-level organisation field" },
        { Shenzhen, "amount: current_year_amount", "amount: project_name", "PD0010", "project_name", "an amount field" },
        { Shenzhen, "{part: current_year_amount, whole: medium_term_total}", "{part: current_year_amount, whole: medium_term_totl}", "PD0010", "medium_term_totl", "did you mean 'medium_term_total'?" },
        { SelfEvaluation, "funds.carry_over.execution,", "funds.carry_over.executio,", "PD0010", "funds.carry_over.executio", "did you mean 'funds.carry_over.execution'?" },
        { SelfEvaluation, "amount: funds.total.full_year_budget", "amount: funds.total.weight", "PD0010", "funds.total.weight", "an amount field" },
        { Shenzhen, "columns: [level3, target, explanation]", "columns: [level3, target, explanaton]", "PD0010", "explanaton", "did you mean 'explanation'?" },
        // layouts: keys that repeat, or that forms use for something else
        { Shenzhen, "{key: costing_basis,", "{key: policy_basis,", "PD0010", "policy_basis", "repeats the key 'policy_basis'" },
        { SelfEvaluation, "{key: deviation,", "{key: score,", "PD0010", "score", "repeats the key 'score'" },
        { Shenzhen, "{key: project_code,", "{key: year,", "PD0010", "year", "form files use it" },
        { SelfEvaluation, "{key: deviation,", "{key: level3,", "PD0010", "level3", "form files use it" },
        { Shenzhen, "id: shenzhen-target", "id: shenzhen-target-v2", "PD0010", "shenzhen-target-v2", "differs from its file name" },
        // frameworks
        { MofShenzhen, "skeleton:", "skeletn:", "PD0011", "skeletn", "did you mean 'skeleton'?" },
        { MofShenzhen, "extends: mof", "extends: moff", "PD0011", "moff", "did you mean 'mof'?" },
        { MofShenzhen, "skeleton: [产出指标,", "skeleton: [产出指,", "PD0011", "产出指", "did you mean '产出指标'?" },
        { MofShenzhen, "满意度指标: [其他满意度指标]", "满意度指标: {其他满意度指标: 1}", "PD0011", "{其他满意度指标", "must be a list" },
        { Mof, "level2: [时效指标]", "level2: [时效指]", "PD0011", "时效指", "did you mean '时效指标'?" },
        // scoring rules
        { Scoring, "mode: truncate}", "mode: truncat}", "PD0011", "truncat", "did you mean 'truncate'?" },
        { Scoring, "total_weight: 100", "total_weight: 一百", "PD0011", "一百", "must be a number" },
        { Scoring, "organisations:", "organisatons:", "PD0011", "organisatons", "did you mean 'organisations'?" },
        { Scoring, "mode: truncate}}", "mode: truncate}}\nfund_rows: [funds.total]", "PD0011", "fund_rows", "fund_rows" },
        // names a file refers to: a grade of the scoring rules, a level-1 of the framework extended, an organisation of content/, the file's own name
        { SelfEvaluation, "values: [优, 良, 中, 差], role: grade", "values: [优, 良, 中, 茶], role: grade", "PD0011", "茶", "no grade of scoring rules shanghai" },
        { MofShenzhen, "满意度指标: [其他满意度指标]", "满意度指: [其他满意度指标]", "PD0011", "满意度指", "did you mean '满意度指标'?" },
        { Scoring, "sh-foreign-investment-promotion:", "sh-foreign-investment-promotio:", "PD0011", "sh-foreign-investment-promotio", "did you mean 'sh-foreign-investment-promotion'?" },
        { Scoring, "id: shanghai", "id: shanghai-2026", "PD0011", "shanghai-2026", "differs from its file name shanghai.yaml" },
        // layouts: the execution block's roles
        { SelfEvaluation, "role: fund-rows", "role: fund-row", "PD0010", "fund-row", "did you mean 'fund-rows'?" },
        { SelfEvaluation, "role: fund-rows", "role: execution-rate", "PD0010", "execution-rate", "must be of type number" },
        { SelfEvaluation, "{key: execution_rate, label: 执行率(%), type: number, format: \"0.00\"}", "{key: execution_rate, label: 执行率(%), type: amount, format: \"0.00\"}", "PD0010", "amount", "funds.current_year_appropriation has it as amount, funds.carry_over has it as amount" },
        { SelfEvaluation, "framework: mof", "framework: moff", "PD0011", "moff", "did you mean 'mof'?" },
        { SelfEvaluation, "scoring: shanghai", "scoring: shanghi", "PD0011", "shanghi", "did you mean 'shanghai'?" },
        // YAML itself
        { Shenzhen, "merge_levels: false", "merge_levels: false\nmerge_levels: true", "PD0001", "merge_levels: true", "Duplicate key" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_mistake_in_a_theme_file_is_one_error_at_its_place(string file, string text, string with, string code, string at, string says)
    {
        var templates = Repo.TempDir("theme-check");
        var seed = File.ReadAllText(Path.Combine(Repo.Templates, file));
        Assert.Equal(1, Occurrences(seed, text));
        var broken = seed.Replace(text, with, StringComparison.Ordinal);
        var path = Path.Combine(templates, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, broken);

        // The replacement starts where the replaced text did; the error points at a part of it.
        var offset = seed.IndexOf(text, StringComparison.Ordinal) + with.IndexOf(at, StringComparison.Ordinal);
        var line = broken[..offset].Count(c => c == '\n') + 1;
        var column = offset - broken.LastIndexOf('\n', offset - 1);
        var errors = Load(templates).Where(d => d.IsError).ToList();
        var error = Assert.Single(errors, d => d.Where.File.EndsWith(file, StringComparison.Ordinal));
        BothLanguages.Said(error);
        Assert.Equal((code, line, column), (error.Code, error.Where.Line, error.Where.Column));
        Assert.Contains(says, error.MessageEn + " " + error.Fix?.En, StringComparison.Ordinal);
        Assert.DoesNotContain(errors, d => !d.Where.File.EndsWith(file, StringComparison.Ordinal));
    }

    [Fact]
    public void The_seed_theme_files_are_clean() =>
        Assert.Empty(Load(Repo.Templates).Select(d => d.ToString()));

    [Fact]
    public void A_scoring_file_naming_an_organisation_of_another_site_is_clean_for_this_one()
    {
        // The seed theme copied to start a site (or to build a generated corpus) names Shanghai's organisations, close
        // to none of this site's: no typo to report. A misspelt id of this site's is an error (Broken above).
        var theme = new ThemeFiles(Repo.Templates);
        var diagnostics = new DiagnosticBag();
        var layouts = ContentLoader.LoadLayouts(theme, diagnostics);
        ValidationDataReader.Read(theme, layouts.Values, diagnostics, ["org-0001", "org-0002"]);
        Assert.Empty(diagnostics.ToList().Select(d => d.ToString()));
    }

    /// <summary>The organisations of content/, which a site's own scoring file names.</summary>
    private static readonly Lazy<IReadOnlyCollection<string>> SeedOrganisations = new(() => [.. ContentLoader.Load(Repo.Content, new ThemeFiles(Repo.Templates)).Organisations.Keys]);

    /// <summary>What loading reports of a theme: its layouts, then the frameworks and scoring rules they name, with the organisations of content/.</summary>
    internal static IReadOnlyList<Diagnostic> Load(string templates)
    {
        var theme = new ThemeFiles(templates);
        var diagnostics = new DiagnosticBag();
        var layouts = ContentLoader.LoadLayouts(theme, diagnostics);
        ValidationDataReader.Read(theme, layouts.Values, diagnostics, SeedOrganisations.Value);
        return diagnostics.ToList();
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
