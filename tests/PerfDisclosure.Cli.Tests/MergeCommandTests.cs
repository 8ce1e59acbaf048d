using PerfDisclosure.Testing;

namespace PerfDisclosure.Cli.Tests;

/// <summary>The shard and merge verbs as a CI job runs them: bad input is a clear usage error, never a crash.</summary>
[Collection(nameof(ConsoleCollection))]
public class MergeCommandTests
{
    [Fact]
    public void A_shard_beyond_the_count_is_a_usage_error_naming_the_expected_shape()
    {
        var (code, error) = Run("build", "--content", Repo.Content, "--templates", Repo.Templates, "--output", Path.Combine(Repo.TempDir("shard-bad"), "site"), "--no-pdf", "--shard", "5/4");
        Assert.NotEqual(Commands.Ok, code);
        Assert.Contains("--shard '5/4': expected K/N", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Merging_a_folder_that_is_no_shard_output_exits_2_naming_it()
    {
        var root = Repo.TempDir("merge-bad");
        var (code, error) = Run("merge", root, "--content", Repo.Content, "--templates", Repo.Templates, "--output", Path.Combine(Repo.TempDir("merge-bad-site"), "site"), "--no-pdf");
        Assert.Equal(Commands.CannotRun, code);
        Assert.Contains(root, error, StringComparison.Ordinal);
        Assert.Contains(".shard.json is missing", error, StringComparison.Ordinal);
    }

    private static (int Code, string Error) Run(params string[] args)
    {
        var (code, _, error) = InProcess.Run(args);
        return (code, error);
    }
}
