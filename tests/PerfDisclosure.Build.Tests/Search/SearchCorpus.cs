using PerfDisclosure.Build.Loading;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Search;

/// <summary>The seed site (built once for all end-to-end tests) and what each form's content holds.</summary>
public static class SearchCorpus
{
    public static string Root => global::PerfDisclosure.Build.Tests.BuiltSite.Content.Root;

    public static LoadedContent Content => global::PerfDisclosure.Build.Tests.BuiltSite.Content.Model.Content;

    public static string Build(string name)
    {
        var output = Path.Combine(Repo.TempDir(name), "site");
        var result = new SiteBuilder(new BuildOptions(Repo.Content, Repo.Templates, output, global::PerfDisclosure.Build.Tests.BuiltSite.BaseUrl)).Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return output;
    }

    /// <summary>The ids of the forms whose content contains <paramref name="phrase"/>, computed from content/ alone.</summary>
    public static SortedSet<string> FormsContaining(string phrase) =>
        new(Content.Forms.Where(f => FormText.Values(f, Content).Any(t => t.Contains(phrase, StringComparison.Ordinal))).Select(f => f.Id), StringComparer.Ordinal);
}
