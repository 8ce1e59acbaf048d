using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace PerfDisclosure.Core.Links;

/// <summary>
/// The one URL policy of every output (pages, PDFs, the feed, the sitemap, open data): a URL may be http, https,
/// mailto or relative (a path, a query or a fragment); anything else (<c>javascript:</c>, <c>vbscript:</c>,
/// <c>data:</c>, <c>file:</c> …) is refused. The scheme is read the way a hostile author hopes a reader will not:
/// case-insensitively, after HTML entities and percent escapes are decoded (repeatedly, so <c>&amp;#37;6A</c> does
/// not hide a <c>j</c>) and after every whitespace, control and invisible formatting character is removed
/// (browsers drop a tab or a newline inside <c>java&#9;script:</c>). Decoding can only make more URLs look like
/// they have a scheme, so the policy errs on the side of refusing.
/// </summary>
public static partial class SafeLinks
{
    /// <summary>The schemes a published URL may have, besides none.</summary>
    public static IReadOnlyList<string> AllowedSchemes { get; } = ["http", "https", "mailto"];

    /// <summary>Decoding rounds before a URL that keeps changing is refused as deliberately obscured.</summary>
    private const int DecodingRounds = 4;

    public static bool IsAllowed(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        var text = Compact(url);
        for (var round = 0; ; round++)
        {
            var decoded = Compact(Uri.UnescapeDataString(HtmlDecode(text)));
            if (decoded == text)
            {
                break;
            }

            if (round == DecodingRounds)
            {
                return false;
            }

            text = decoded;
        }

        return Scheme(text) is not { } scheme || AllowedSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The text before the first <c>:</c>, unless a <c>/</c>, <c>\</c>, <c>?</c> or <c>#</c> comes first (then the URL is relative).</summary>
    private static string? Scheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }

        var path = url.IndexOfAny(['/', '\\', '?', '#']);
        return path >= 0 && path < colon ? null : url[..colon];
    }

    /// <summary>
    /// Character references as a browser reads them in an attribute: numeric ones with or without their <c>;</c>, and
    /// the HTML5 names for the characters that shape a scheme (<c>&amp;colon;</c>, <c>&amp;Tab;</c> …), which
    /// <see cref="WebUtility.HtmlDecode"/> does not know; then every HTML4 name.
    /// </summary>
    private static string HtmlDecode(string text) => WebUtility.HtmlDecode(CharacterReference().Replace(text, m => m.Groups["hex"].Success
        ? Character(int.TryParse(m.Groups["hex"].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var h) ? h : -1)
        : m.Groups["decimal"].Success
            ? Character(int.TryParse(m.Groups["decimal"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : -1)
            : m.Groups["name"].Value.ToLowerInvariant() switch
            {
                "colon" => ":",
                "tab" => "\t",
                "newline" => "\n",
                "sol" => "/",
                "bsol" => "\\",
                "quest" => "?",
                "num" => "#",
                _ => m.Value,
            }));

    private static string Character(int code) => code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(code) : "\uFFFD";

    [GeneratedRegex(@"&#[xX](?<hex>[0-9a-fA-F]{1,8});?|&#(?<decimal>[0-9]{1,10});?|&(?<name>colon|tab|newline|sol|bsol|quest|num);", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharacterReference();

    private static string Compact(string url)
    {
        var builder = new StringBuilder(url.Length);
        foreach (var c in url)
        {
            if (!char.IsWhiteSpace(c) && !char.IsControl(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
