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
    /// <summary>What a site without site.yaml (or without a key of it) is called: the theme's words.</summary>
    public static SiteSettings Defaults(Theme.ThemeStrings strings) =>
        new(strings["site.title"], strings["site.description"], "/", strings["site.title"], "", "", "", "");

    /// <summary>Canonical links and feeds start with the base URL: a <c>javascript:</c> or <c>//host</c> one would mislead readers.</summary>
    public static bool IsSafeBaseUrl(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal));
}
