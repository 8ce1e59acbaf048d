using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PerfDisclosure.Build.Rendering;

/// <summary>
/// Keeps only links and images whose scheme is http, https, mailto or none (relative): DisableHtml does not
/// stop <c>[x](javascript:…)</c>. Any other link is turned into its text.
/// </summary>
public static class SafeLinks
{
    private static readonly string[] Allowed = ["http:", "https:", "mailto:"];

    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
        var compact = new string([.. url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c))]);
        var colon = compact.IndexOf(':');
        var slash = compact.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            return true;
        }

        return Allowed.Any(a => compact.StartsWith(a, StringComparison.OrdinalIgnoreCase));
    }

    public static void Apply(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (IsSafe(link.Url))
            {
                continue;
            }

            link.Url = string.Empty;
            link.IsImage = false;
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafe(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }
    }
}
