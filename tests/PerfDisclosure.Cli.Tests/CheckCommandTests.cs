using PerfDisclosure.Testing;

namespace PerfDisclosure.Cli.Tests;

/// <summary>check's exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 the command could not run.</summary>
[Collection(nameof(ConsoleCollection))]
public class CheckCommandTests
{
    private static (int Code, string Out, string Error) Run(params string[] args) => InProcess.Run(args);

    private static string ContentWith(string formYaml)
    {
        var dir = Repo.TempDir("cli");
        Directory.CreateDirectory(Path.Combine(dir, "organisations"));
        File.WriteAllText(Path.Combine(dir, "organisations", "org.yaml"), "name: 某单位\njurisdiction: 深圳市\n");
        Directory.CreateDirectory(Path.Combine(dir, "forms", "org", "2024"));
        File.WriteAllText(Path.Combine(dir, "forms", "org", "2024", "f.yaml"), formYaml);
        return dir;
    }

    private const string Form = """
        layout: shenzhen-target
        year: 2024
        project_code: "1"
        project_name: 办公设备采购
        applicant_unit: org
        first_level_budget_unit: org
        implementation_period: 1
        project_type: 31 履职类项目
        is_new_project: 否
        allocation_method: 项目法
        medium_term_total: 10
        current_year_amount: 10
        policy_basis: 依据
        costing_basis: 测算
        annual_goal: 目标
        indicators:
          - {level1: 产出指标, level2: 数量指标, level3: 电脑, target: "12台", explanation: 数量}

        """;

    [Fact]
    public void Clean_content_exits_0()
    {
        var (code, output, _) = Run("check", "--content", ContentWith(Form), "--templates", Repo.Templates);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void Errors_exit_1_and_warnings_exit_1_only_with_strict()
    {
        var (code, output, _) = Run("check", "--content", ContentWith(Form + "unknown_key: 1\n"), "--templates", Repo.Templates, "--format", "github");
        Assert.Equal(1, code);
        Assert.Contains("::error file=", output, StringComparison.Ordinal);
        Assert.Contains("title=PD0003::", output, StringComparison.Ordinal);

        var warned = ContentWith(Form.Replace("\"12台\"", "\">=12台\"", StringComparison.Ordinal));
        Assert.Equal(0, Run("check", "--content", warned, "--templates", Repo.Templates).Code);
        Assert.Equal(1, Run("check", "--content", warned, "--templates", Repo.Templates, "--strict").Code);
    }

    [Fact]
    public void Sarif_and_english_messages_from_the_command_line()
    {
        var (code, output, _) = Run("check", "--content", ContentWith(Form.Replace("\"12台\"", "\">=12台\"", StringComparison.Ordinal)), "--templates", Repo.Templates, "--format", "sarif", "--lang", "en");
        Assert.Equal(0, code);
        Assert.Contains("\"version\": \"2.1.0\"", output, StringComparison.Ordinal);
        Assert.Contains("is a non-standard spelling", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("错误：命令行有误（原文：“Argument 'xml' not recognized.", "check", "--format", "xml")]
    [InlineData("error: Argument 'xml' not recognized.", "check", "--format", "xml", "--lang", "en")]
    [InlineData("错误：命令行有误（原文：“Argument 'fr' not recognized.", "check", "--lang", "fr")]
    [InlineData("错误：命令行有误（原文：“Unrecognized command or argument '--no-such-option'.”）", "check", "--no-such-option")]
    [InlineData("error: Unrecognized command or argument '--no-such-option'.", "check", "--no-such-option", "--lang", "en")]
    [InlineData("错误：找不到内容文件夹：/nonexistent/perfdisclosure-content", "check", "--content", "/nonexistent/perfdisclosure-content")]
    [InlineData("error: content folder not found: /nonexistent/perfdisclosure-content", "check", "--content", "/nonexistent/perfdisclosure-content", "--lang", "en")]
    public void A_command_that_cannot_run_exits_2_with_one_line_in_its_language(string start, params string[] args)
    {
        var (code, _, error) = Run(args);
        Assert.Equal(2, code);
        Assert.StartsWith(start, Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }
}
