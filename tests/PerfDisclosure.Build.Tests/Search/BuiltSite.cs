using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Search;

/// <summary>The seed content built once for all search tests, and what each form's content holds.</summary>
public static class BuiltSite
{
    private static readonly Lazy<string> Built = new(() => Build("search-site"));

    public static string Root => Built.Value;

    public static LoadedContent Content { get; } = ContentLoader.Load(Repo.Content, new ThemeFiles(Repo.Templates));

    public static string Build(string name)
    {
        var output = Path.Combine(Repo.TempDir(name), "site");
        var result = new SiteBuilder(new BuildOptions(Repo.Content, Repo.Templates, output)).Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return output;
    }

    /// <summary>The ids of the forms whose content contains <paramref name="phrase"/>, computed from content/ alone.</summary>
    public static SortedSet<string> FormsContaining(string phrase) =>
        new(Content.Forms.Where(f => FormText.Values(f, Content).Any(t => t.Contains(phrase, StringComparison.Ordinal))).Select(f => f.Id), StringComparer.Ordinal);
}
