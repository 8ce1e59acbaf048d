using PerfDisclosure.Build.Site;

namespace PerfDisclosure.Build.OpenData;

/// <summary>Facts about the whole dataset that the package, the catalog and the data page share.</summary>
public static class OpenDataFacts
{
    /// <summary>The newest form change: the dataset's modification date (from content, so builds stay reproducible).</summary>
    public static DateOnly Modified(SiteModel site) => site.Forms.Count == 0 ? new DateOnly(2000, 1, 1) : site.Forms.Max(f => f.Updated);

    /// <summary>The first form's publication date: when the dataset was first issued.</summary>
    public static DateOnly Issued(SiteModel site) => site.Forms.Count == 0 ? new DateOnly(2000, 1, 1) : site.Forms.Min(f => f.Published);

    public static IReadOnlyList<string> Keywords(SiteModel site) =>
        [site.Strings["open_data.keyword"], site.Strings.Kind(false), site.Strings.Kind(true), .. site.Organisations.Select(o => o.Jurisdiction).Distinct().Order(StringComparer.Ordinal)];
}
