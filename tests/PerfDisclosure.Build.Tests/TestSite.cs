using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests;

/// <summary>A copy of the repository's content/ in a temporary folder, for a test to change and build.</summary>
public sealed class TestSite
{
    public TestSite(string name)
    {
        Root = Repo.TempDir(name);
        Content = Path.Combine(Root, "content");
        Templates = Path.Combine(Root, "templates");
        Output = Path.Combine(Root, "site");
        Repo.CopyTree(Content);
    }

    public const string SeedForm = "forms/sz-futian-investment-promotion/2024/chambers-of-commerce-building.yaml";

    public string Root { get; }

    public string Content { get; }

    /// <summary>The site's own templates folder (absent until a test writes to it).</summary>
    public string Templates { get; }

    public string Output { get; }

    /// <summary>
    /// Removes the forms that have findings (the published forms' own inconsistencies are warnings), so that a
    /// strict build tests the templates rather than the seed content.
    /// </summary>
    public TestSite WithoutFindings()
    {
        var (_, diagnostics) = new SiteBuilder(Options()).Check();
        foreach (var file in diagnostics.Select(d => Path.GetFullPath(d.Where.File)).Distinct().Where(f => f.StartsWith(Content, StringComparison.Ordinal)))
        {
            File.Delete(file);
        }

        return this;
    }

    public BuildOptions Options(bool strict = false, string? output = null) => new(Content, Templates, output ?? Output, Strict: strict);

    /// <summary>Writes a file under content/ (or templates/ when the path starts with "templates/").</summary>
    public string Write(string relativePath, string text) => WriteBytes(relativePath, System.Text.Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var path = relativePath.StartsWith("templates/", StringComparison.Ordinal)
            ? Path.Combine(Root, relativePath)
            : Path.Combine(Content, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Content, relativePath));

    /// <summary>The seed form's YAML with one top-level line replaced: <c>key: value</c>.</summary>
    public string SeedWith(string key, string value) =>
        string.Join('\n', Read(SeedForm).Split('\n').Select(l => l.StartsWith(key + ":", StringComparison.Ordinal) ? $"{key}: {value}" : l));

    public LoadedContent Load() => ContentLoader.Load(Content, new ThemeFiles(Templates));

    public BuildResult Build(bool strict = false) => new SiteBuilder(Options(strict)).Build();
}
