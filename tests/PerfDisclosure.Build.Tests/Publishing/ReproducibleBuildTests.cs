using PerfDisclosure.Build.Publishing;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Publishing;

/// <summary>"Recently changed" comes from content, not clocks: the same content builds the same bytes.</summary>
public class ReproducibleBuildTests
{
    [Fact]
    public void Two_builds_of_the_same_content_are_byte_identical()
    {
        var first = Build();
        var second = Build();
        var files = Directory.EnumerateFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.EnumerateFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order(StringComparer.Ordinal));
        Assert.Contains(Path.Combine("data", "catalog.jsonld"), files);
        Assert.All(files.Where(f => f != OutputFolder.MarkerName), f => Assert.True(File.ReadAllBytes(Path.Combine(first, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, f))), f));

        // The marker's manifest differs only in the files' modification times.
        Assert.Equal(Manifest(first), Manifest(second));
    }

    /// <summary>Each file of a site's manifest with its hash and size, without its time.</summary>
    internal static SortedDictionary<string, (UInt128, long)> Manifest(string site) =>
        new(SiteManifest.Read(Path.Combine(site, OutputFolder.MarkerName))!.Files.ToDictionary(f => f.Key, f => (f.Value.Hash, f.Value.Length)), StringComparer.Ordinal);

    private static string Build()
    {
        var output = Path.Combine(Repo.TempDir("reproducible"), "site");
        Assert.True(new SiteBuilder(new BuildOptions(Repo.Content, Repo.Templates, output, BuiltSite.BaseUrl)).Build().Succeeded);
        return output;
    }
}
