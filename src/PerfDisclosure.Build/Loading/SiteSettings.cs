using PerfDisclosure.Core.Links;

namespace PerfDisclosure.Build.Loading;

/// <summary>content/site.yaml: what the site says about itself, including the metadata Chinese government sites carry.</summary>
/// <param name="SiteName">网站名称 (<c>&lt;meta name="SiteName"&gt;</c>).</param>
/// <param name="SiteDomain">网站域名 (<c>SiteDomain</c>).</param>
/// <param name="SiteIdCode">网站标识码 (<c>SiteIDCode</c>).</param>
/// <param name="ContentSource">信息来源 (<c>ContentSource</c>).</param>
public sealed record SiteSettings(
    string Title,
    string Description,
    string BaseUrl,
    string SiteName,
    string SiteDomain,
    string SiteIdCode,
    string ContentSource,
    string Publisher)
{
    public static SiteSettings Default { get; } = new("预算绩效信息公开", "财政项目支出绩效目标与自评结果公开", "/", "预算绩效信息公开", "", "", "", "");

    /// <summary>
    /// Canonical links, the feed, the sitemap and the open data start with the base URL: it passes the link policy of
    /// every output (<see cref="SafeLinks"/>), and is absolute or root-relative (a <c>//host</c> one would mislead readers).
    /// </summary>
    public static bool IsSafeBaseUrl(string url) => SafeLinks.IsAllowed(url) && (
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)));
}
