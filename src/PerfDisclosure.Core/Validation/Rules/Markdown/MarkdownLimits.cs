namespace PerfDisclosure.Core.Validation.Rules.Markdown;

/// <summary>Which bound a Markdown text passes.</summary>
public enum MarkdownLimit
{
    /// <summary>More characters than one text may have.</summary>
    Size,

    /// <summary>Quotes, list items or brackets nested deeper than the renderer may go.</summary>
    Nesting,

    /// <summary>More emphasis and link openers (<c>*</c>, <c>_</c>, <c>[</c>) in one paragraph than the renderer may meet.</summary>
    Markup,
}

/// <summary>Where a text passes a limit: the 1-based line of the text, and the size, depth or count found there.</summary>
public sealed record MarkdownBreach(MarkdownLimit Limit, int Line, int Found, int Allowed);

/// <summary>
/// Bounds a Markdown text before Markdig sees it, in one linear pass. Markdig stops at 128 levels of nesting by
/// throwing (a quote is one level, a list item two), and its inline parser is quadratic in the openers of one
/// paragraph (400 KB of <c>[a](</c> took 75 s): each opener may scan the rest of the paragraph. So a text is refused
/// when it is too long, when a line's container markers (<c>&gt;</c>, list markers, with their indentation) or a
/// paragraph's unclosed <c>[</c> nest too deep, or when one paragraph holds too many openers. Under these bounds a
/// text's cost is linear in its length with a small factor; measured figures are in docs/security.md.
/// </summary>
public static class MarkdownLimits
{
    /// <summary>Characters in one field or page: about ten printed pages; forms print a few hundred, the longest seed text has under 1,000.</summary>
    public const int MaxCharacters = 20_000;

    /// <summary>Nesting levels: a quarter of Markdig's 128, which counts a list item as two and a quote in a list as three.</summary>
    public const int MaxNesting = 32;

    /// <summary><c>*</c>, <c>_</c> and <c>[</c> in one paragraph (lines up to a blank one): a paragraph of 50 bold phrases and 50 links has 250.</summary>
    public const int MaxMarkup = 256;

    public static MarkdownBreach? Check(string markdown)
    {
        if (markdown.Length > MaxCharacters)
        {
            return new(MarkdownLimit.Size, 1, markdown.Length, MaxCharacters);
        }

        var line = 1;
        var markup = 0;
        var open = 0;
        for (var start = 0; start <= markdown.Length;)
        {
            var end = markdown.IndexOf('\n', start);
            if (end < 0)
            {
                end = markdown.Length;
            }

            var text = markdown.AsSpan(start, end - start);
            if (text.IsWhiteSpace())
            {
                markup = 0;
                open = 0;
            }
            else if (Containers(text) is var depth and > MaxNesting)
            {
                return new(MarkdownLimit.Nesting, line, depth, MaxNesting);
            }

            for (var i = 0; i < text.Length; i++)
            {
                switch (text[i])
                {
                    case '\\':
                        i++;
                        break;
                    case '[':
                        markup++;
                        if (++open > MaxNesting)
                        {
                            return new(MarkdownLimit.Nesting, line, open, MaxNesting);
                        }

                        break;
                    case ']':
                        open = Math.Max(0, open - 1);
                        break;
                    case '*' or '_':
                        markup++;
                        break;
                    default:
                        continue;
                }

                if (markup > MaxMarkup)
                {
                    return new(MarkdownLimit.Markup, line, markup, MaxMarkup);
                }
            }

            line++;
            start = end + 1;
        }

        return null;
    }

    /// <summary>
    /// How deep the containers opened at the start of a line can nest: one per <c>&gt;</c> and list marker, and, once
    /// there is one, a level per two columns of indentation (a nested list item is indented under its parent's text).
    /// The one space that ends a marker is the marker's own, so <c>&gt; &gt; &gt; x</c> is three levels.
    /// </summary>
    private static int Containers(ReadOnlySpan<char> line)
    {
        var markers = 0;
        var columns = 0;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            var after = c switch
            {
                ' ' or '\t' => -1,
                '>' => i + 1,
                '-' or '*' or '+' when EndsMarker(line, i + 1) => i + 1,
                _ when char.IsAsciiDigit(c) => Ordered(line, i),
                _ => 0,
            };
            if (after == 0)
            {
                break;
            }

            if (after < 0)
            {
                columns += c == '\t' ? 4 : 1;
                i++;
                continue;
            }

            markers++;
            i = after < line.Length && line[after] is ' ' or '\t' ? after + 1 : after;
        }

        return markers == 0 ? 0 : markers + (columns / 2);
    }

    private static bool EndsMarker(ReadOnlySpan<char> line, int i) => i >= line.Length || line[i] is ' ' or '\t';

    /// <summary>The index after an ordered list marker (up to 9 digits, then <c>.</c> or <c>)</c>) starting at <paramref name="i"/>, or 0.</summary>
    private static int Ordered(ReadOnlySpan<char> line, int i)
    {
        var digits = 0;
        while (i + digits < line.Length && char.IsAsciiDigit(line[i + digits]) && digits < 9)
        {
            digits++;
        }

        var mark = i + digits;
        return mark < line.Length && line[mark] is '.' or ')' && EndsMarker(line, mark + 1) ? mark + 1 : 0;
    }
}
