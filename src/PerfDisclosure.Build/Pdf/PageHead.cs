using System.Net;
using System.Text.RegularExpressions;

namespace PerfDisclosure.Build.Pdf;

/// <summary>
/// The title and language of a page the build wrote, so a loaded page that takes another form's &lt;main&gt; can
/// take its title and language too, exactly as a fresh load of that page would have them.
/// </summary>
public static partial class PageHead
{
    /// <summary>The text of &lt;title&gt;, unescaped (the templates write it HTML-escaped).</summary>
    public static string Title(string html) => TitleElement().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["text"].Value.Trim()) : string.Empty;

    /// <summary>The lang attribute of &lt;html&gt;; zh-CN, the language of every form, when the layout sets none.</summary>
    public static string Lang(string html) => LangAttribute().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["lang"].Value) : "zh-CN";

    /// <summary>The page's public address, from &lt;link rel="canonical"&gt;; empty when it has none.</summary>
    public static string Canonical(string html) => CanonicalLink().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["href"].Value) : string.Empty;

    /// <summary>
    /// What a loaded page keeps when it takes another page's &lt;main&gt;: its stylesheets and scripts, as written.
    /// Pages with the same (all form pages; all compilations, which sit one folder higher) can share a loaded page.
    /// </summary>
    public static string Shell(string html) => string.Join('\n', ShellElement().Matches(html).Select(m => m.Value));

    [GeneratedRegex(@"<link\b[^>]*\brel=""stylesheet""[^>]*>|<script\b[^>]*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ShellElement();

    [GeneratedRegex(@"<link\s+rel=""canonical""\s+href=""(?<href>[^""]*)""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CanonicalLink();

    [GeneratedRegex(@"<title[^>]*>(?<text>[^<]*)</title>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TitleElement();

    [GeneratedRegex(@"<html\b[^>]*?\blang=""(?<lang>[^""]*)""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LangAttribute();
}
