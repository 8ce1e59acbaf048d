using System.Text;

namespace PerfDisclosure.Build.Search;

/// <summary>
/// The rules of a page's searchable text, fed by either reading of the markup (<see cref="MainTextScanner"/> or
/// the tokenizer in <see cref="MainText"/>): only the first <c>main</c> element counts; <c>script</c>,
/// <c>style</c>, <c>template</c>, <c>noscript</c> and elements marked <c>data-search-ignore</c> are left out;
/// blocks and table cells are separated by a space; whitespace is collapsed at the end.
/// </summary>
internal sealed class MainTextBuilder(int capacity = 16)
{
    private static readonly HashSet<string> Separating = new(StringComparer.Ordinal)
    {
        "p", "div", "td", "th", "tr", "li", "dt", "dd", "br", "h1", "h2", "h3", "h4", "h5", "h6", "caption",
        "section", "table", "thead", "tbody", "tfoot", "ul", "ol", "dl", "blockquote", "pre", "figure", "figcaption",
        "header", "footer", "article", "aside", "nav",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "script", "style", "template", "noscript" };

    // Elements with no end tag: skipping one skips nothing after it.
    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    private readonly StringBuilder text = new(capacity);
    private int mainDepth;
    private bool found;
    private string? skipping;
    private int skippingDepth;

    /// <summary>The element names the rules ask about.</summary>
    public static IEnumerable<string> Names => Separating.Concat(Skipped).Concat(Void).Append("main");

    /// <summary>Whether text met now is kept: inside the first main element and outside any skipped one.</summary>
    public bool Keeping => mainDepth > 0 && skipping is null;

    /// <summary>Text read from the page (kept only while <see cref="Keeping"/>).</summary>
    public void Characters(ReadOnlySpan<char> characters)
    {
        if (Keeping)
        {
            text.Append(characters);
        }
    }

    public void StartTag(string name, bool selfClosing, bool searchIgnored)
    {
        if (mainDepth == 0)
        {
            // Before the first main element, or after it: only its start matters, and only once.
            (mainDepth, found) = !found && name == "main" ? (1, true) : (mainDepth, found);
            return;
        }

        if (skipping is not null)
        {
            // Inside a skipped element: wait for its own end tag, counting elements of its name inside it.
            skippingDepth += name == skipping && !selfClosing ? 1 : 0;
            return;
        }

        mainDepth += name == "main" ? 1 : 0;
        if (Skipped.Contains(name) || searchIgnored)
        {
            if (!selfClosing && !Void.Contains(name))
            {
                (skipping, skippingDepth) = (name, 1);
            }

            return;
        }

        Separate(name);
    }

    public void EndTag(string name)
    {
        if (mainDepth == 0)
        {
            return;
        }

        if (skipping is not null)
        {
            skippingDepth -= name == skipping ? 1 : 0;
            skipping = skippingDepth == 0 ? null : skipping;
            return;
        }

        mainDepth -= name == "main" ? 1 : 0;
        Separate(name);
    }

    /// <summary>The text, whitespace collapsed to single spaces and trimmed.</summary>
    public override string ToString()
    {
        var result = new StringBuilder(text.Length);
        var space = true;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }

                if (space && result.Length > 0)
                {
                    result.Append(' ');
                }

                space = false;
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private void Separate(string element)
    {
        if (Separating.Contains(element))
        {
            text.Append(' ');
        }
    }
}
