using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;

namespace PerfDisclosure.Build.Search;

/// <summary>
/// The fast path of <see cref="MainText"/>: reads the markup a theme writes — elements with quoted or plain
/// attributes, comments, character references — straight from the page's UTF-8 bytes, with the same rules as the
/// tokenizer path, at a tenth of its cost (a 10,000-form build spent an eighth of its CPU tokenizing pages).
/// Whatever a browser reads by rules this scanner does not know (raw-text elements such as <c>script</c>,
/// references it cannot decode, doctypes, processing instructions, NUL bytes, invalid UTF-8, malformed tags and
/// comments) makes it decline, and the caller reads the page with AngleSharp's tokenizer instead: declining is
/// always safe, a wrong reading never is. Tests hold it to the tokenizer on every page of the corpus and on
/// generated markup.
/// </summary>
internal static class MainTextScanner
{
    private static readonly SearchValues<byte> Markup = SearchValues.Create("<&"u8);

    // Tag names as strings, made once: the names the rules ask about and the ones a theme writes most.
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownNames =
        MainTextBuilder.Names.Concat(MainText.TextContentElements).Concat(["span", "a", "b", "i", "em", "strong", "small", "abbr", "sup", "sub", "code", "time", "svg", "path", "col", "colgroup", "meter", "progress", "label", "button", "details", "summary"])
            .Distinct(StringComparer.Ordinal).ToDictionary(name => name, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Reads the text of the first <c>main</c> element of <paramref name="html"/> into <paramref name="text"/>;
    /// false when the markup needs the tokenizer (then <paramref name="text"/> holds a partial reading to discard).
    /// </summary>
    internal static bool TryRead(ReadOnlySpan<byte> html, MainTextBuilder text)
    {
        if (html.Contains((byte)0) || !System.Text.Unicode.Utf8.IsValid(html))
        {
            return false;
        }

        var i = 0;
        while (i < html.Length)
        {
            var next = html[i..].IndexOfAny(Markup);
            var end = next < 0 ? html.Length : i + next;
            if (text.Keeping && end > i)
            {
                AppendUtf8(html[i..end], text);
            }

            if (next < 0)
            {
                break;
            }

            i = end;
            int length;
            if (html[i] == '&')
            {
                if (!TryReference(html[i..], text, out length))
                {
                    return false;
                }

                i += length;
                continue;
            }

            if (!TryTag(html[i..], out var tag, out length))
            {
                return false;
            }

            i += length;
            if (tag.Name.Length == 0)
            {
                continue; // a comment
            }

            if (!tag.IsStart)
            {
                text.EndTag(tag.Name);
                continue;
            }

            if (tag.Name == "plaintext" || (MainText.ReadsContentAsText(tag.Name, out var decodesReferences) && !IsPlainText(html[i..], tag.Name, decodesReferences)))
            {
                return false;
            }

            text.StartTag(tag.Name, tag.SelfClosing, tag.SearchIgnored);
        }

        return true;
    }

    /// <summary>
    /// Whether the content of a raw-text element (an SVG chart's <c>title</c>, say), up to its end tag, reads the
    /// same as ordinary text would: no markup in it, and no references where they would stay undecoded.
    /// </summary>
    private static bool IsPlainText(ReadOnlySpan<byte> content, string name, bool decodesReferences)
    {
        var end = content.IndexOf((byte)'<');
        if (end < 0 || (!decodesReferences && content[..end].Contains((byte)'&')))
        {
            return false;
        }

        var tag = content[end..];
        var after = 2 + name.Length;
        return tag.Length > after && tag[1] == '/' && Ascii.EqualsIgnoreCase(tag[2..after], name) && EndsName(tag[after]);
    }

    /// <summary>A tag name, ASCII-lowercased as the tokenizer does.</summary>
    private static string TagName(ReadOnlySpan<byte> bytes)
    {
        Span<char> lower = bytes.Length <= 32 ? stackalloc char[bytes.Length] : new char[bytes.Length];
        for (var k = 0; k < bytes.Length; k++)
        {
            lower[k] = (char)(bytes[k] is >= (byte)'A' and <= (byte)'Z' ? bytes[k] + 32 : bytes[k]);
        }

        return KnownNames.TryGetValue(lower, out var known) ? known : new string(lower);
    }

    private static void AppendUtf8(ReadOnlySpan<byte> bytes, MainTextBuilder text)
    {
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            text.Characters(chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, chars)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>A tag or comment at the start of <paramref name="markup"/> (a comment has an empty name).</summary>
    private static bool TryTag(ReadOnlySpan<byte> markup, out Tag tag, out int length)
    {
        (tag, length) = (default, 0);
        if (markup.StartsWith("<!--"u8))
        {
            // "<!-->" and "<!--->" end at once for a browser, and "--!>" ends a comment too: left to the tokenizer.
            var body = markup[4..];
            var close = body.IndexOf("-->"u8);
            if (body.StartsWith(">"u8) || body.StartsWith("->"u8) || close < 0 || body[..close].IndexOf("--!>"u8) >= 0)
            {
                return false;
            }

            (tag, length) = (new Tag(string.Empty, true, false, false), 4 + close + 3);
            return true;
        }

        var isStart = markup.Length > 1 && markup[1] != '/';
        var at = isStart ? 1 : 2;
        if (at >= markup.Length || !char.IsAsciiLetter((char)markup[at]))
        {
            return false; // "<" as text, "<!DOCTYPE", "<?", "</>": the tokenizer's rules
        }

        var nameEnd = at;
        while (nameEnd < markup.Length && !EndsName(markup[nameEnd]))
        {
            if (markup[nameEnd] >= 0x80 || markup[nameEnd] is (byte)'<' or (byte)'"' or (byte)'\'' or (byte)'=')
            {
                return false;
            }

            nameEnd++;
        }

        var name = TagName(markup[at..nameEnd]);
        var (ignored, selfClosing) = (false, false);
        var j = nameEnd;
        while (true)
        {
            j = SkipSpace(markup, j);
            if (j >= markup.Length)
            {
                return false; // the page ends inside a tag
            }

            if (markup[j] == '>')
            {
                j++;
                break;
            }

            if (markup[j] == '/')
            {
                if (j + 1 < markup.Length && markup[j + 1] == '>')
                {
                    (selfClosing, j) = (true, j + 2);
                    break;
                }

                j++;
                continue;
            }

            if (!TryAttribute(markup, ref j, out var isSearchIgnore))
            {
                return false;
            }

            ignored |= isSearchIgnore;
        }

        (tag, length) = (new Tag(name, isStart, selfClosing, ignored), j);
        return true;
    }

    /// <summary>One attribute from <paramref name="j"/>: a name, then maybe <c>=</c> and a quoted or plain value.</summary>
    private static bool TryAttribute(ReadOnlySpan<byte> markup, ref int j, out bool isSearchIgnore)
    {
        isSearchIgnore = false;
        var start = j;
        while (j < markup.Length && !EndsName(markup[j]) && markup[j] != '=')
        {
            if (markup[j] is (byte)'"' or (byte)'\'' or (byte)'<')
            {
                return false;
            }

            j++;
        }

        if (j == start)
        {
            return false; // "=" where a name should start
        }

        isSearchIgnore = Ascii.EqualsIgnoreCase(markup[start..j], "data-search-ignore"u8);
        j = SkipSpace(markup, j);
        if (j >= markup.Length || markup[j] != '=')
        {
            return true;
        }

        j = SkipSpace(markup, j + 1);
        if (j >= markup.Length)
        {
            return false;
        }

        if (markup[j] is (byte)'"' or (byte)'\'')
        {
            var close = markup[(j + 1)..].IndexOf(markup[j]);
            if (close < 0)
            {
                return false;
            }

            j += close + 2;
            return true;
        }

        start = j;
        while (j < markup.Length && !IsSpace(markup[j]) && markup[j] != '>')
        {
            if (markup[j] is (byte)'"' or (byte)'\'' or (byte)'<' or (byte)'=' or (byte)'`')
            {
                return false;
            }

            j++;
        }

        return j > start;
    }

    /// <summary>
    /// A character reference at the start of <paramref name="markup"/>, appended decoded: numeric ones for
    /// ordinary characters, named ones .NET's decoder knows, ending in <c>;</c>; an ampersand before a space,
    /// <c>&lt;</c>, <c>&amp;</c> or the end is itself. Anything else (names without <c>;</c>, code points a
    /// browser would replace) is left to the tokenizer.
    /// </summary>
    private static bool TryReference(ReadOnlySpan<byte> markup, MainTextBuilder text, out int length)
    {
        length = 1;
        if (markup.Length == 1 || IsSpace(markup[1]) || markup[1] is (byte)'<' or (byte)'&')
        {
            text.Characters("&");
            return true;
        }

        var end = markup[..Math.Min(markup.Length, 40)].IndexOf((byte)';');
        if (end < 0)
        {
            return false;
        }

        var body = markup[1..end];
        if (body.Length > 1 && body[0] == '#')
        {
            var hex = body[1] is (byte)'x' or (byte)'X';
            var digits = body[(hex ? 2 : 1)..];
            if (digits.Length is 0 or > 8 || !int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var codePoint) || !IsOrdinary(codePoint))
            {
                return false;
            }

            Span<char> utf16 = stackalloc char[2];
            text.Characters(utf16[..new Rune(codePoint).EncodeToUtf16(utf16)]);
        }
        else if (Named(body) is { } decoded)
        {
            text.Characters(decoded);
        }
        else
        {
            return false;
        }

        length = end + 1;
        return true;
    }

    /// <summary>The text of a named reference: the few a theme writes, then any .NET's decoder knows; null for others.</summary>
    private static string? Named(ReadOnlySpan<byte> name)
    {
        switch (name)
        {
            case [(byte)'a', (byte)'m', (byte)'p']:
                return "&";
            case [(byte)'l', (byte)'t']:
                return "<";
            case [(byte)'g', (byte)'t']:
                return ">";
            case [(byte)'q', (byte)'u', (byte)'o', (byte)'t']:
                return "\"";
            case [(byte)'n', (byte)'b', (byte)'s', (byte)'p']:
                return "\u00A0";
        }

        foreach (var b in name)
        {
            if (!char.IsAsciiLetterOrDigit((char)b))
            {
                return null;
            }
        }

        var reference = $"&{Encoding.ASCII.GetString(name)};";
        var decoded = WebUtility.HtmlDecode(reference);
        return decoded == reference ? null : decoded;
    }

    /// <summary>Code points a browser keeps as they are: no controls, surrogates, noncharacters or C1 remapping.</summary>
    private static bool IsOrdinary(int c) =>
        c is 0x9 or 0xA or (>= 0x20 and <= 0x7E) or (>= 0xA0 and <= 0xD7FF) or (>= 0xE000 and <= 0xFDCF) or (>= 0xFDF0 and <= 0x10FFFF)
        && (c & 0xFFFE) != 0xFFFE;

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f';

    private static bool EndsName(byte b) => IsSpace(b) || b is (byte)'/' or (byte)'>';

    private static int SkipSpace(ReadOnlySpan<byte> markup, int j)
    {
        while (j < markup.Length && IsSpace(markup[j]))
        {
            j++;
        }

        return j;
    }

    private readonly record struct Tag(string Name, bool IsStart, bool SelfClosing, bool SearchIgnored);
}
