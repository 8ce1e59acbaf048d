using PerfDisclosure.Build.Site;

namespace PerfDisclosure.Build.OpenData;

/// <summary>Facts about the whole dataset that the package, the catalog and the data page share.</summary>
public static class OpenDataFacts
{
    public const string FormsJsonTitle = "绩效表（完整 JSON）";

    public const string FormsJsonDescription = "全部绩效表的完整数据：所有字段与指标行。";

    /// <summary>The newest form change: the dataset's modification date (from content, so builds stay reproducible).</summary>
    public static DateOnly Modified(SiteModel site) => site.Forms.Count == 0 ? new DateOnly(2000, 1, 1) : site.Forms.Max(f => f.Updated);

    public static DateOnly Issued(SiteModel site) => site.Forms.Count == 0 ? new DateOnly(2000, 1, 1) : site.Forms.Min(f => f.Updated);

    public static IReadOnlyList<string> Keywords(SiteModel site) =>
        ["预算绩效", "绩效目标", "绩效自评", .. site.Organisations.Select(o => o.Jurisdiction).Distinct().Order(StringComparer.Ordinal)];
}
