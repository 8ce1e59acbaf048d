using PerfDisclosure.Testing;

namespace PerfDisclosure.Cli.Tests;

/// <summary>A build that cannot run says why in one line of its --lang, exit 2, and leaves what is there as it was.</summary>
[Collection(nameof(ConsoleCollection))]
public class BuildCommandTests
{
    [Fact]
    public void An_output_path_that_is_a_file_is_refused_in_chinese_by_default_and_in_english_with_lang_en()
    {
        var root = Repo.TempDir("build-cli");
        var output = Path.Combine(root, "site");
        File.WriteAllText(output, "a file where the site would go");
        string[] args = ["build", "--content", Repo.Content, "--templates", Repo.Templates, "--output", output, "--no-pdf", "--no-cache"];

        Assert.Equal((Commands.CannotRun, $"错误：--output {output}：是文件，不是文件夹；其中的内容没有改动；请给 --output 一个单独的文件夹，例如 --output site"), Line(InProcess.Run(args)));
        Assert.Equal((Commands.CannotRun, $"error: --output {output}: is a file, not a folder; nothing in it was changed; give --output a folder of its own, e.g. --output site"), Line(InProcess.Run([.. args, "--lang", "en"])));
        Assert.Equal("a file where the site would go", File.ReadAllText(output));
    }

    [Fact]
    public void A_content_folder_that_does_not_exist_is_named_in_both_languages()
    {
        var content = Path.Combine(Repo.TempDir("build-cli"), "no-content");
        string[] args = ["build", "--content", content, "--templates", Repo.Templates, "--output", Path.Combine(Repo.TempDir("build-cli"), "site"), "--no-pdf", "--no-cache"];

        Assert.Equal((Commands.CannotRun, $"错误：找不到内容文件夹：{content}"), Line(InProcess.Run(args)));
        Assert.Equal((Commands.CannotRun, $"error: content folder not found: {content}"), Line(InProcess.Run([.. args, "--lang", "en"])));
    }

    [Fact]
    public void A_build_stopped_by_content_errors_says_so_last_in_its_language()
    {
        var root = Repo.TempDir("build-cli-errors");
        var content = CliProcess.CopyContent(root);
        var form = Directory.EnumerateFiles(Path.Combine(content, "forms"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.AppendAllText(form, "\nno_such_field: 1\n");
        var output = Path.Combine(root, "site");
        string[] args = ["build", "--content", content, "--templates", Repo.Templates, "--output", output, "--no-pdf", "--no-cache", "--strict"];

        var (zh, en) = (InProcess.Run(args), InProcess.Run([.. args, "--lang", "en"]));

        Assert.Equal(Commands.ContentErrors, zh.Code);
        Assert.Matches($@"^构建失败：\d+ 个错误，\d+ 个警告；{System.Text.RegularExpressions.Regex.Escape(output)} 保持原样$", LastLine(zh.Error));
        Assert.Equal(Commands.ContentErrors, en.Code);
        Assert.Matches($@"^build failed: \d+ error\(s\), \d+ warning\(s\); {System.Text.RegularExpressions.Regex.Escape(output)} left as it was$", LastLine(en.Error));
        Assert.False(Directory.Exists(output));
    }

    private static string LastLine(string error) => error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].TrimEnd();

    /// <summary>The exit code and the one line the command printed to stderr (no stack trace, no other line).</summary>
    private static (int Code, string Line) Line((int Code, string Out, string Error) run) =>
        (run.Code, Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd());
}
