using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Sharding;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Sharding;

/// <summary>A CI fleet builds shards of the site and merges them: the result must be the site one machine would build.</summary>
public class ShardedBuildTests
{
    [Fact]
    public void Four_shards_merged_are_byte_identical_to_the_unsharded_build()
    {
        var root = Repo.TempDir("shards");
        var whole = Path.Combine(root, "whole");
        Assert.True(new SiteBuilder(Options(whole)).Build().Succeeded);

        var shards = Enumerable.Range(1, 4).Select(k => Path.Combine(root, $"shard-{k}")).ToList();
        for (var k = 1; k <= 4; k++)
        {
            Assert.True(new SiteBuilder(Options(shards[k - 1]) with { Shard = new ShardSpec(k, 4) }).Build().Succeeded);
        }

        // Each shard renders only its own forms: no form page is in two shards, and every shard has some.
        var formPages = shards.Select(s => Directory.EnumerateFiles(s, "form.json", SearchOption.AllDirectories).Count()).ToList();
        Assert.All(formPages, count => Assert.InRange(count, 1, 46));
        Assert.Equal(Directory.EnumerateFiles(whole, "form.json", SearchOption.AllDirectories).Count(), formPages.Sum());
        Assert.False(File.Exists(Path.Combine(shards[0], "index.html")), "the home page is global: merge builds it, not a shard");

        var merged = Path.Combine(root, "merged");
        Assert.True(new SiteBuilder(Options(merged) with { MergeFrom = shards }).Build().Succeeded);
        var expected = Snapshot(whole);
        var actual = Snapshot(merged);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected.Where(f => f.Key != PerfDisclosure.Build.Publishing.OutputFolder.MarkerName), file => Assert.True(file.Value.SequenceEqual(actual[file.Key]), $"{file.Key} differs between the merged and the unsharded build"));
        Assert.Equal(Tests.Publishing.ReproducibleBuildTests.Manifest(whole), Tests.Publishing.ReproducibleBuildTests.Manifest(merged)); // the marker's manifest, but for the files' times
    }

    [Fact]
    public void The_split_keeps_each_organisation_whole_and_covers_every_one_once()
    {
        var site = SiteModel.Build(ContentLoader.Load(Repo.Content, new ThemeFiles(Repo.Templates)));
        var parts = Enumerable.Range(1, 3).Select(k => new ShardSpec(k, 3).Organisations(site)).ToList();
        Assert.Equal(site.ByOrganisation.Keys.Order(StringComparer.Ordinal), parts.SelectMany(p => p).Order(StringComparer.Ordinal));
        Assert.Equal(parts.Select(p => p.Order(StringComparer.Ordinal)), Enumerable.Range(1, 3).Select(k => new ShardSpec(k, 3).Organisations(site).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Merge_without_every_shard_fails_naming_what_is_missing()
    {
        var root = Repo.TempDir("shards-missing");
        var first = Path.Combine(root, "shard-1");
        Assert.True(new SiteBuilder(Options(first) with { Shard = new ShardSpec(1, 2) }).Build().Succeeded);

        var error = Assert.Throws<ShardMergeException>(() => new SiteBuilder(Options(Path.Combine(root, "merged")) with { MergeFrom = [first] }).Build());
        Assert.Contains("shards 1..2", error.Message, StringComparison.Ordinal);
        Assert.Contains(first, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("merge 需要分片 1..2 各一个；缺少 2/2；", error.MessageZh, StringComparison.Ordinal);
        Assert.Contains(first, error.MessageZh, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, "merged")));
    }

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("2")]
    [InlineData("a/b")]
    public void A_malformed_shard_is_refused_with_the_expected_shape(string text)
    {
        var error = Assert.Throws<ShardSpecException>(() => ShardSpec.Parse(text));
        Assert.Equal($"--shard '{text}': expected K/N with 1 ≤ K ≤ N, e.g. 2/4", error.Message);
        Assert.Equal($"--shard “{text}”：应写作 K/N，且 1 ≤ K ≤ N，例如 2/4", error.MessageZh);
    }

    private static BuildOptions Options(string output) => new(Repo.Content, Repo.Templates, output, NoPdf: true);

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
}
