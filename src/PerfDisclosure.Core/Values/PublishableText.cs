namespace PerfDisclosure.Core.Values;

/// <summary>
/// The characters a value may hold to be published as HTML, XML (feeds, sitemap), JSON, CSV and PDF alike.
/// A control character (C0 other than tab and line feed, DEL, C1 — an ESC an import wrote from an xlsx
/// <c>_x001B_</c>), a lone surrogate or a noncharacter (U+FFFE, U+FFFF) either breaks an output (XML cannot
/// carry them, so the feed writer throws) or reaches the reader as something they cannot see. One test for every
/// value, so <c>check</c> refuses exactly what <c>build</c> could not publish.
/// </summary>
public static class PublishableText
{
    /// <summary>The index of the first character that cannot be published, or -1 when all can.</summary>
    public static int FirstUnpublishable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if ((char.IsControl(c) && c is not '\t' and not '\n') || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The text as a content file may hold it: a carriage return (alone or before a line feed) and NEL become a line
    /// feed, as a spreadsheet shows them; any other character that cannot be published is left out. What import and
    /// new write passes through here, so a file they write never fails <c>check</c> for a character.
    /// </summary>
    public static string Publishable(string text)
    {
        if (FirstUnpublishable(text) < 0)
        {
            return text;
        }

        var clean = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (c is '\r' or '\u0085')
            {
                clean.Append('\n');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (!((char.IsControl(c) && c is not '\t' and not '\n') || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF'))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    /// <summary>How a diagnostic names the character: its code point and, for a control character, its name.</summary>
    public static string Name(char c) => (int)c switch
    {
        0x00 => "U+0000 (NUL)",
        0x0D => "U+000D (CR)",
        0x1B => "U+001B (ESC)",
        0x7F => "U+007F (DEL)",
        0x85 => "U+0085 (NEL)",
        _ => $"U+{(int)c:X4}",
    };

    /// <summary>The 1-based line and column of <paramref name="index"/> in <paramref name="text"/>, counting lines by <c>\n</c>.</summary>
    public static (int Line, int Column) Place(string text, int index)
    {
        var before = text.AsSpan(0, index);
        return (before.Count('\n') + 1, index - (before.LastIndexOf('\n') + 1) + 1);
    }
}
