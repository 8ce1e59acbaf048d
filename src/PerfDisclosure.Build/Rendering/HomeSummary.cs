using System.Globalization;
using PerfDisclosure.Build.Site;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Rendering;

/// <summary>What the home page adds to the listings: totals per jurisdiction, and how many recent forms to show.</summary>
public static class HomeSummary
{
    public const int RecentCount = 10;

    public static List<ScriptObject> Jurisdictions(SiteModel site) =>
        [.. site.Forms.GroupBy(f => f.Owner.Jurisdiction, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ScriptObject
        {
            ["name"] = Html.Escape(g.Key),
            ["organisations"] = g.Select(f => f.Owner.Id).Distinct().Count(),
            ["count"] = g.Count(),
            ["total"] = Html.TenThousandYuan(g.Sum(f => f.AmountInYuan ?? 0m)),
        })];

    /// <summary>A number as the sortable-table script compares it (data-sort); blank sorts as missing.</summary>
    public static string SortKey(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
