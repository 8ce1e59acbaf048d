using System.Security.Cryptography;
using PerfDisclosure.Bench;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Build.Validation;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Bench.Tests;

public class CorpusGeneratorTests
{
    [Fact]
    public void A_generated_corpus_loads_and_validates_without_errors()
    {
        var dir = Generate(300, seed: 1);
        var content = ContentLoader.Load(dir, new ThemeFiles(Repo.Templates));

        Assert.Equal(300, content.Forms.Count);
        Assert.Equal(12, content.Organisations.Count);
        Assert.Empty(content.Diagnostics.Concat(ContentValidator.Validate(content)).Where(d => d.IsError).Select(d => d.ToString()));
        Assert.True(content.Forms.Select(f => f.ProjectName).Distinct().Count() > 100, "project names should vary");
        Assert.Equal(4, content.Forms.Select(f => f.LayoutId).Distinct().Count());
    }

    [Fact]
    public void The_same_seed_gives_the_same_files_and_another_seed_other_files()
    {
        var a = Hashes(Generate(50, seed: 3));
        Assert.Equal(a, Hashes(Generate(50, seed: 3)));
        Assert.NotEqual(a, Hashes(Generate(50, seed: 4)));
    }

    private static string Generate(int forms, int seed)
    {
        var dir = Path.Combine(Repo.TempDir("corpus"), "content");
        new CorpusGenerator(Repo.Content, seed).Write(dir, forms);
        return dir;
    }

    private static SortedDictionary<string, string> Hashes(string dir) =>
        new(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);
}
