using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Tests.Browser;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.OpenData;

/// <summary>
/// A site whose open data the reader tests read: content/ (<see cref="BuiltSite"/>) and each example site under
/// docs/examples (<see cref="ReadingSite.All"/>: other layouts, other columns), each built once, for real, under a base URL.
/// </summary>
public sealed record OpenDataSite(string Name, string Root, string BaseUrl, SiteModel Model)
{
    public static TheoryData<string> Names => [.. ReadingSite.All.Select(s => s.Name)];

    public static OpenDataSite Get(string name) => Built.GetOrAdd(name, _ =>
    {
        if (name == "content")
        {
            return new(name, BuiltSite.Content.Root, BuiltSite.BaseUrl, BuiltSite.Content.Model);
        }

        var site = ReadingSite.All.Single(s => s.Name == name);
        var root = Path.Combine(Repo.TempDir(name + "-opendata"), "site");
        var baseUrl = "https://example.gov.cn/" + name + "/";
        var result = new SiteBuilder(new BuildOptions(site.Content, site.Templates, root, baseUrl) { NoPdf = true }).Build();
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(name + " did not build: " + string.Join("; ", result.Diagnostics.Where(d => d.IsError)));
        }

        return new(name, root, baseUrl, site.Model());
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, OpenDataSite> Built = new(StringComparer.Ordinal);
}
