using PerfDisclosure.Testing;

namespace PerfDisclosure.Cli.Tests;

/// <summary>The shard and merge verbs as a CI job runs them: bad input is a clear usage error, never a crash.</summary>
[Collection(nameof(ConsoleCollection))]
public class MergeCommandTests
{
    [Fact]
    public void A_shard_beyond_the_count_is_a_usage_error_naming_the_expected_shape()
    {
        string[] args = ["build", "--content", Repo.Content, "--templates", Repo.Templates, "--output", Path.Combine(Repo.TempDir("shard-bad"), "site"), "--no-pdf", "--shard", "5/4"];

        var (code, error) = Run(args);
        Assert.Equal(Commands.CannotRun, code);
        Assert.Contains("--shard “5/4”：应写作 K/N", error, StringComparison.Ordinal);

        (code, error) = Run([.. args, "--lang", "en"]);
        Assert.Equal(Commands.CannotRun, code);
        Assert.Contains("--shard '5/4': expected K/N", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Merging_a_folder_that_is_no_shard_output_exits_2_naming_it()
    {
        var root = Repo.TempDir("merge-bad");
        string[] args = ["merge", root, "--content", Repo.Content, "--templates", Repo.Templates, "--output", Path.Combine(Repo.TempDir("merge-bad-site"), "site"), "--no-pdf"];

        var (code, error) = Run(args);
        Assert.Equal(Commands.CannotRun, code);
        Assert.Equal($"错误：{root}：不是 build --shard K/N 的输出（缺少 .shard.json）", error.TrimEnd());

        (code, error) = Run([.. args, "--lang", "en"]);
        Assert.Equal(Commands.CannotRun, code);
        Assert.Equal($"error: {root}: not the output of 'build --shard K/N' (.shard.json is missing)", error.TrimEnd());
    }

    private static (int Code, string Error) Run(params string[] args)
    {
        var (code, _, error) = InProcess.Run(args);
        return (code, error);
    }
}
