using PerfDisclosure.Core.Links;

namespace PerfDisclosure.Build.Loading;

/// <summary>content/site.yaml: what the site says about itself, including the metadata Chinese government sites carry.</summary>
/// <param name="SiteName">网站名称 (<c>&lt;meta name="SiteName"&gt;</c>).</param>
/// <param name="SiteDomain">网站域名 (<c>SiteDomain</c>).</param>
/// <param name="SiteIdCode">网站标识码 (<c>SiteIDCode</c>).</param>
/// <param name="ContentSource">信息来源 (<c>ContentSource</c>).</param>
/// <param name="Publisher">The government body that publishes the forms (发布机关): the open data's publisher.</param>
/// <param name="PublisherType">Its kind, as the ADMS publisher-type vocabulary names it (LocalAuthority, RegionalAuthority, NationalAuthority …).</param>
/// <param name="Licence">The open data's licence, as a URL (default: the theme's, CC BY 4.0).</param>
/// <param name="LicenceName">What the licence is called on the data page.</param>
/// <param name="ContactEmail">Where a data user writes (the catalog's contact point); empty: the site's home page stands in.</param>
public sealed record SiteSettings(
    string Title,
    string Description,
    string BaseUrl,
    string SiteName,
    string SiteDomain,
    string SiteIdCode,
    string ContentSource,
    string Publisher,
    string PublisherType = "",
    string Licence = "",
    string LicenceName = "",
    string ContactEmail = "")
{
    /// <summary>The publisher's name: the body, else the site's name.</summary>
    public string PublisherName => Publisher.Length > 0 ? Publisher : SiteName;

    /// <summary>What a site without site.yaml (or without a key of it) is called: the theme's words.</summary>
    public static SiteSettings Defaults(Theme.ThemeStrings strings) =>
        new(strings["site.title"], strings["site.description"], "/", strings["site.title"], "", "", "", "", strings["site.publisher_type"], strings["site.licence"], strings["site.licence_name"], "");

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
