using PerfDisclosure.Testing;

namespace PerfDisclosure.Cli.Tests;

/// <summary><c>new</c> refuses what it cannot scaffold with one line in its --lang and exit 2, and writes nothing.</summary>
[Collection(nameof(ConsoleCollection))]
public class NewCommandTests
{
    [Fact]
    public void A_slug_that_exists_is_refused_naming_the_file_in_chinese_by_default_and_in_english_with_lang_en()
    {
        var content = Repo.CopyTree(Path.Combine(Repo.TempDir("new-cli"), "content"));
        var form = Path.Combine(content, "forms", "sz-futian-investment-promotion", "2024", "office-equipment-purchase.yaml");
        var before = File.ReadAllText(form);
        string[] args = ["new", "--content", content, "--templates", Repo.Templates, "--layout", "shenzhen-target", "--org", "sz-futian-investment-promotion", "--year", "2024", "office-equipment-purchase"];

        Assert.Equal((Commands.CannotRun, string.Empty, $"错误：{form} 已存在；请换一个文件名（slug）"), Lines(InProcess.Run(args)));
        Assert.Equal((Commands.CannotRun, string.Empty, $"error: {form} already exists; choose another slug"), Lines(InProcess.Run([.. args, "--lang", "en"])));
        Assert.Equal(before, File.ReadAllText(form));
    }

    [Fact]
    public void An_unknown_layout_is_refused_with_the_closest_one()
    {
        var content = Repo.CopyTree(Path.Combine(Repo.TempDir("new-cli"), "content"));
        string[] args = ["new", "--content", content, "--templates", Repo.Templates, "--layout", "shenzhen-targte", "--org", "sz-futian-investment-promotion", "--year", "2025", "x"];

        var (code, _, zh) = Lines(InProcess.Run(args));
        Assert.Equal(Commands.CannotRun, code);
        Assert.StartsWith("错误：没有版式“shenzhen-targte”；已有的版式：", zh, StringComparison.Ordinal);
        Assert.EndsWith("（是不是“shenzhen-target”？）", zh, StringComparison.Ordinal);

        var (_, _, en) = Lines(InProcess.Run([.. args, "--lang", "en"]));
        Assert.StartsWith("error: unknown layout 'shenzhen-targte'; known: ", en, StringComparison.Ordinal);
        Assert.EndsWith("(did you mean 'shenzhen-target'?)", en, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(content, "forms", "sz-futian-investment-promotion", "2025")));
    }

    /// <summary>The exit code, what was printed to stdout, and the one line printed to stderr (no stack trace, nothing else).</summary>
    private static (int Code, string Out, string Line) Lines((int Code, string Out, string Error) run) =>
        (run.Code, run.Out, Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd());
}
