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
    /// <summary>What a site without site.yaml (or without a key of it) is called: the theme's words.</summary>
    public static SiteSettings Defaults(Theme.ThemeStrings strings) =>
        new(strings["site.title"], strings["site.description"], "/", strings["site.title"], "", "", "", "");

    /// <summary>What a refused base URL is told: the same for site.yaml and <c>--base-url</c>.</summary>
    public const string BaseUrlRuleZh = "base_url 必须是以 http:// 或 https:// 开头的完整网址（或以单个 / 开头的路径），不能含空格或控制字符";

    public const string BaseUrlRule = "base_url must be an absolute http:// or https:// URL (or a path starting with a single /) with no spaces or control characters";

    /// <summary>
    /// Canonical links, robots.txt, feeds and the sitemap start with the base URL: a <c>javascript:</c> or
    /// <c>//host</c> one would mislead readers, and a line break in it would write its own lines into robots.txt
    /// (<c>Disallow: /</c>). So it is an absolute http(s) URL with a host, or a root-relative path, and holds no
    /// whitespace, control or bidi character anywhere; and it passes the link policy of every output (<see cref="SafeLinks"/>).
    /// </summary>
    public static bool IsSafeBaseUrl(string url)
    {
        if (url.Length == 0 || url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format || c == '\\'))
        {
            return false;
        }

        if (!SafeLinks.IsAllowed(url))
        {
            return false;
        }

        if (url.StartsWith('/'))
        {
            return !url.StartsWith("//", StringComparison.Ordinal);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            && url.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase) && uri.UserInfo.Length == 0;
    }
}
