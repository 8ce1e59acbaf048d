using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PerfDisclosure.Build.Rendering;

/// <summary>
/// Keeps only links and images whose scheme is http, https, mailto or none (relative): DisableHtml does not
/// stop <c>[x](javascript:…)</c>. Any other link or image is replaced by its text (an image by its alt text).
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

            // The reader still gets the link's words (an image's alt text), as plain text where the link was.
            var next = link.FirstChild;
            while (next is not null)
            {
                var child = next;
                next = child.NextSibling;
                child.Remove();
                link.InsertBefore(child);
            }

            link.Remove();
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
