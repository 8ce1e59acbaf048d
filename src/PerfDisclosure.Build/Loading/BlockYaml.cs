using System.Buffers;
using System.Text;
using YamlDotNet.Core;

namespace PerfDisclosure.Build.Loading;

/// <summary>
/// Reads the shape nearly every content file has — block mappings and lists, one-line plain and quoted scalars,
/// <c>|</c> and <c>|-</c> blocks for long texts, comments — straight into <see cref="YamlNode"/>s, about ten times
/// faster than YamlDotNet's scanner. It gives the tree YamlDotNet's events give, node for node, with the same
/// values, styles and start marks; for anything else (flow collections, anchors, tags, folded or multi-line
/// scalars, escapes, tabs, carriage returns, control characters, a duplicate key, a limit neared, any syntax
/// error) it gives nothing and <see cref="Yaml"/> reads the file with YamlDotNet, so every error keeps its place
/// and words. Tested against YamlDotNet on every seed file and on thousands of mutations of them (BlockYamlTests).
/// </summary>
internal sealed class BlockYaml
{
    /// <summary>Below <see cref="YamlLimits.MaxDepth"/>: a file this deep is left to the limits' own error.</summary>
    private const int MaxDepth = YamlLimits.MaxDepth - 4;

    /// <summary>YamlDotNet refuses a simple key longer than 1,024 characters; nearer than that is left to it.</summary>
    private const int MaxKeyLength = 1000;

    /// <summary>Besides the ranges <see cref="HasRefused"/> checks: a byte-order mark, U+FFFE/U+FFFF and YAML 1.1's line and paragraph separators.</summary>
    private static readonly SearchValues<char> RefusedSingles = SearchValues.Create("\uFEFF\uFFFE\uFFFF\u2028\u2029");

    private readonly string text;
    private int lineStart;
    private int lineEnd;
    private int line = 1;
    private int nodes;

    private BlockYaml(string text)
    {
        this.text = text;
        lineEnd = End(0);
    }

    private bool AtEnd => lineStart >= text.Length;

    /// <summary>The file's one document as YamlDotNet would give it, or null when the text is outside this reader's shape.</summary>
    public static YamlNode? Read(string text) => Read(text, out _);

    /// <summary>As <see cref="Read(string)"/>, with the line where the text left the shape (0 for a refused character), for tests and tuning.</summary>
    internal static YamlNode? Read(string text, out int leftAt)
    {
        leftAt = 0;
        if (HasRefused(text))
        {
            return null;
        }

        var reader = new BlockYaml(text);
        try
        {
            return reader.Document();
        }
        catch (OutsideException)
        {
            leftAt = reader.line;
            return null;
        }
    }

    private YamlNode Document()
    {
        if (StartsDocumentMarker())
        {
            throw Outside;
        }

        SkipInsignificant();
        if (AtEnd || Indent() != 0)
        {
            throw Outside;
        }

        var root = Collection(0, depth: 1);
        SkipInsignificant();
        return AtEnd ? root : throw Outside;
    }

    /// <summary>A list or a mapping starting at <paramref name="column"/> of the current line.</summary>
    private YamlNode Collection(int column, int depth) =>
        IsDash(lineStart + column) ? Sequence(column, depth)
        : KeyEnd(lineStart + column) >= 0 ? Mapping(column, depth)
        : throw Outside;

    private YamlMappingNode Mapping(int column, int depth)
    {
        Count(depth);
        var mapping = new YamlMappingNode(MarkAt(lineStart + column));
        while (true)
        {
            var keyStart = lineStart + column;
            var colon = KeyEnd(keyStart);
            if (colon < 0)
            {
                throw Outside;
            }

            var key = Scalar(keyStart, ScalarPool.Of(text.AsSpan(keyStart, colon - keyStart).TrimEnd(' ')), ScalarStyle.Plain, depth + 1);
            var value = Value(colon + 1, column, depth + 1);
            if (!mapping.Children.TryAdd(key, value))
            {
                throw Outside; // a duplicate key: YamlDotNet's error names it
            }

            SkipInsignificant();
            if (AtEnd || Indent() is var indent && indent < column || IsDash(lineStart + column))
            {
                return mapping; // a dash at the mapping's own column belongs to a list above it, or is an error found there
            }

            if (indent > column)
            {
                throw Outside;
            }
        }
    }

    private YamlSequenceNode Sequence(int column, int depth)
    {
        Count(depth);
        var sequence = new YamlSequenceNode(MarkAt(lineStart + column));
        while (true)
        {
            var dash = lineStart + column;
            var at = SkipSpaces(dash + 1);
            if (at == lineEnd || IsComment(at))
            {
                sequence.Children.Add(Nested(MarkAt(dash + 1), column, depth + 1, indentless: false));
            }
            else if (IsDash(at))
            {
                throw Outside; // "- - x"
            }
            else
            {
                sequence.Children.Add(KeyEnd(at) >= 0 ? Mapping(at - lineStart, depth + 1) : Inline(at, column, depth + 1));
            }

            SkipInsignificant();
            if (AtEnd || Indent() is var indent && indent < column || !IsDash(lineStart + column))
            {
                return sequence; // a key at the list's column: the list was a mapping's value without indentation
            }

            if (indent > column)
            {
                throw Outside;
            }
        }
    }

    /// <summary>A mapping's value, from just after its colon.</summary>
    private YamlNode Value(int afterColon, int column, int depth)
    {
        var at = SkipSpaces(afterColon);
        return at == lineEnd || IsComment(at) ? Nested(MarkAt(afterColon), column, depth, indentless: true) : Inline(at, column, depth);
    }

    /// <summary>
    /// What follows a key or a dash with nothing after it on its line: a collection on the lines below, more indented
    /// (a mapping's list may start at the mapping's own column); else an empty plain scalar marked where YamlDotNet
    /// marks it, just after the colon or dash.
    /// </summary>
    private YamlNode Nested(Mark empty, int column, int depth, bool indentless)
    {
        NextLine();
        SkipInsignificant();
        if (!AtEnd && Indent() is var indent && (indent > column || (indentless && indent == column && IsDash(lineStart + column))))
        {
            return Collection(indent, depth);
        }

        return Scalar(empty, string.Empty, ScalarStyle.Plain, depth);
    }

    /// <summary>A scalar or a one-line flow collection starting at <paramref name="at"/>, the line after it checked to be no continuation.</summary>
    private YamlNode Inline(int at, int column, int depth)
    {
        if (text[at] == '|')
        {
            return Literal(at, column, depth);
        }

        var (node, end) = text[at] is '[' or '{' ? Flow(at, depth) : OneLineScalar(at, depth, flow: false);
        end = SkipSpaces(end);
        if (end != lineEnd && !IsComment(end))
        {
            throw Outside; // "'a' b", a quoted key, …
        }

        NextLine();
        while (!AtEnd && Indent() == lineEnd - lineStart)
        {
            NextLine();
        }

        // A line more indented than the key or dash could continue the scalar (or be an error): YamlDotNet decides.
        return AtEnd || Indent() <= column ? node : throw Outside;
    }

    /// <summary>A plain or quoted scalar that ends on its line; in a flow collection a plain one also ends at <c>,[]{}</c>.</summary>
    private (YamlNode Node, int End) OneLineScalar(int at, int depth, bool flow)
    {
        var (value, end, style) = text[at] switch
        {
            '"' => Quoted(at, '"', ScalarStyle.DoubleQuoted),
            '\'' => Quoted(at, '\'', ScalarStyle.SingleQuoted),
            _ => Plain(at, flow),
        };
        return (Scalar(at, value, style, depth), end);
    }

    /// <summary>
    /// A flow list or mapping that closes on its line (<c>[a, "b"]</c>, <c>{key: value, key: [x]}</c>), with plain keys,
    /// no empty entries and no trailing comma.
    /// </summary>
    private (YamlNode Node, int End) Flow(int at, int depth)
    {
        Count(depth);
        var close = text[at] == '{' ? '}' : ']';
        var mapping = close == '}' ? new YamlMappingNode(MarkAt(at)) : null;
        var sequence = mapping is null ? new YamlSequenceNode(MarkAt(at)) : null;
        var i = SkipSpaces(at + 1);
        if (i < lineEnd && text[i] == close)
        {
            return ((YamlNode?)mapping ?? sequence!, i + 1);
        }

        while (true)
        {
            if (mapping is not null)
            {
                var (key, colon) = CanStartPlain(i) ? OneLineScalar(i, depth + 1, flow: true) : throw Outside;
                if (colon + 1 >= lineEnd || text[colon] != ':' || text[colon + 1] != ' ')
                {
                    throw Outside; // a key without a value
                }

                (var value, i) = FlowItem(SkipSpaces(colon + 1), depth + 1);
                if (!mapping.Children.TryAdd(key, value))
                {
                    throw Outside;
                }
            }
            else
            {
                (var item, i) = FlowItem(i, depth + 1);
                sequence!.Children.Add(item);
            }

            i = SkipSpaces(i);
            if (i < lineEnd && text[i] == close)
            {
                return ((YamlNode?)mapping ?? sequence!, i + 1);
            }

            if (i >= lineEnd || text[i] != ',' || SkipSpaces(i + 1) is var next && (next >= lineEnd || text[next] is ',' || text[next] == close))
            {
                throw Outside;
            }

            i = next;
        }
    }

    /// <summary>A flow collection's item or value: a nested flow collection or a scalar, not a pair (<c>[a: b]</c>).</summary>
    private (YamlNode Node, int End) FlowItem(int at, int depth)
    {
        if (at >= lineEnd)
        {
            throw Outside;
        }

        if (text[at] is '[' or '{')
        {
            return Flow(at, depth);
        }

        var (node, end) = OneLineScalar(at, depth, flow: true);
        return end < lineEnd && text[end] == ':' ? throw Outside : (node, end);
    }

    /// <summary>
    /// A one-line plain scalar, trailing spaces trimmed. In a block it ends at a comment or the line's end (a colon
    /// before a space there is a mapping YamlDotNet refuses); in a flow collection also at <c>,[]{}</c> or at a
    /// colon before a space or comma, which ends a key.
    /// </summary>
    private (string Value, int End, ScalarStyle Style) Plain(int at, bool flow)
    {
        if (!CanStartPlain(at))
        {
            throw Outside;
        }

        var end = at;
        for (; end < lineEnd; end++)
        {
            var c = text[end];
            if (c == ':' && (end + 1 == lineEnd || text[end + 1] == ' ' || (flow && text[end + 1] is ',' or '[' or ']' or '{' or '}')))
            {
                if (flow && end + 1 < lineEnd && text[end + 1] == ' ')
                {
                    break; // the end of a key
                }

                throw Outside; // "a: b: c", "a:,"
            }

            if (flow && c is ',' or '[' or ']' or '{' or '}')
            {
                break;
            }

            if (c == '*' && text[end - 1] == ' ')
            {
                throw Outside; // YamlDotNet reads a colon after a word that starts with * as part of the scalar
            }

            if (IsComment(end))
            {
                if (flow)
                {
                    throw Outside; // a flow collection that goes on past a comment
                }

                break;
            }
        }

        return (ScalarPool.Of(text.AsSpan(at, end - at).TrimEnd(' ')), end, ScalarStyle.Plain);
    }

    /// <summary>A one-line quoted scalar without escapes (<c>''</c> in single quotes is one quote).</summary>
    private (string Value, int End, ScalarStyle Style) Quoted(int at, char quote, ScalarStyle style)
    {
        StringBuilder? doubled = null;
        var from = at + 1;
        for (var i = from; i < lineEnd; i++)
        {
            if (text[i] == '\\' && quote == '"')
            {
                throw Outside;
            }

            if (text[i] != quote)
            {
                continue;
            }

            if (quote == '\'' && i + 1 < lineEnd && text[i + 1] == '\'')
            {
                (doubled ??= new()).Append(text, from, i + 1 - from);
                from = i + 2;
                i++;
                continue;
            }

            var rest = text.AsSpan(from, i - from);
            return (doubled is null ? ScalarPool.Of(rest) : doubled.Append(rest).ToString(), i + 1, style);
        }

        throw Outside; // the scalar goes on to the next line
    }

    /// <summary>A literal block (<c>|</c> or <c>|-</c>): its lines from the first one's indentation, joined by line breaks.</summary>
    private YamlNode Literal(int at, int column, int depth)
    {
        var strip = at + 1 < lineEnd && text[at + 1] == '-';
        if (SkipSpaces(at + (strip ? 2 : 1)) != lineEnd || lineEnd == text.Length)
        {
            throw Outside; // "|+", "|2", a comment after the header, or nothing after it
        }

        var mark = MarkAt(at);
        NextLine();
        var indent = AtEnd ? 0 : Indent();
        if (indent == lineEnd - lineStart || indent <= column)
        {
            throw Outside; // an empty block, or leading empty lines (whose lengths YamlDotNet weighs)
        }

        var value = new StringBuilder();
        var breaks = 0;
        while (!AtEnd)
        {
            var length = lineEnd - lineStart;
            var blank = Indent() == length;
            if (blank && length > indent)
            {
                throw Outside; // spaces beyond the indentation on an empty line
            }

            if (!blank && Indent() < indent)
            {
                break;
            }

            if (blank)
            {
                breaks++;
            }
            else
            {
                if (lineEnd == text.Length)
                {
                    throw Outside; // the last line without its line break
                }

                if (value.Length > 0)
                {
                    value.Append('\n', breaks + 1); // the line break before this line, and one per empty line between
                }

                value.Append(text, lineStart + indent, length - indent);
                breaks = 0;
            }

            NextLine();
        }

        if (!strip)
        {
            value.Append('\n');
        }

        return Scalar(mark, value.ToString(), ScalarStyle.Literal, depth);
    }

    private YamlScalarNode Scalar(int at, string value, ScalarStyle style, int depth) => Scalar(MarkAt(at), value, style, depth);

    private YamlScalarNode Scalar(Mark mark, string value, ScalarStyle style, int depth)
    {
        Count(depth);
        return new YamlScalarNode(mark, value, style);
    }

    private void Count(int depth)
    {
        if (depth > MaxDepth || ++nodes > YamlLimits.MaxNodes)
        {
            throw Outside;
        }
    }

    /// <summary>Where the key that starts at <paramref name="at"/> ends (its colon, followed by a space or the line's end), or -1 when the line holds no plain key there.</summary>
    private int KeyEnd(int at)
    {
        if (!CanStartPlain(at))
        {
            return -1;
        }

        for (var i = at; i < lineEnd && i - at <= MaxKeyLength; i++)
        {
            if (text[i] == ':' && (i + 1 == lineEnd || text[i + 1] == ' '))
            {
                return i;
            }

            if (IsComment(i))
            {
                return -1;
            }

            if (text[i] == '*' && text[i - 1] == ' ')
            {
                throw Outside; // as in Plain
            }
        }

        return -1;
    }

    /// <summary>A plain scalar may start here: no indicator, except a dash before a non-space (<c>-5</c>).</summary>
    private bool CanStartPlain(int at) =>
        at < lineEnd && text[at] switch
        {
            '-' => at + 1 < lineEnd && text[at + 1] != ' ',
            ' ' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' => false,
            _ => true,
        };

    private bool IsDash(int at) => at < lineEnd && text[at] == '-' && (at + 1 == lineEnd || text[at + 1] == ' ');

    private bool IsComment(int at) => text[at] == '#' && (at == lineStart || text[at - 1] == ' ');

    private bool StartsDocumentMarker() =>
        text.AsSpan(lineStart, lineEnd - lineStart) is var span && (span.StartsWith("---") || span.StartsWith("...") || span.StartsWith("%"));

    private int Indent()
    {
        var i = lineStart;
        while (i < lineEnd && text[i] == ' ')
        {
            i++;
        }

        return i - lineStart;
    }

    private int SkipSpaces(int at)
    {
        while (at < lineEnd && text[at] == ' ')
        {
            at++;
        }

        return at;
    }

    /// <summary>Past empty lines and comment lines, to the next line with content (or the end).</summary>
    private void SkipInsignificant()
    {
        while (!AtEnd && Indent() is var indent && (lineStart + indent == lineEnd || text[lineStart + indent] == '#'))
        {
            NextLine();
        }
    }

    /// <summary>To the next line; one that starts like a document marker or a directive is left to YamlDotNet.</summary>
    private void NextLine()
    {
        lineStart = lineEnd == text.Length ? text.Length : lineEnd + 1;
        lineEnd = End(lineStart);
        line++;
        if (StartsDocumentMarker())
        {
            throw Outside;
        }
    }

    private int End(int from)
    {
        var at = text.IndexOf('\n', from);
        return at < 0 ? text.Length : at;
    }

    private Mark MarkAt(int at) => new(at, line, at - lineStart + 1);

    /// <summary>
    /// Whether the text holds a character this reader leaves to YamlDotNet: tabs, carriage returns and YAML 1.1's
    /// other line breaks (their marks count differently), a byte-order mark, and everything
    /// <see cref="Core.Values.PublishableText"/> refuses (controls, lone surrogates, U+FFFE/U+FFFF) — so a tree this
    /// reader gives needs no character check. Each range is one vectorised scan.
    /// </summary>
    private static bool HasRefused(ReadOnlySpan<char> text) =>
        text.ContainsAnyInRange('\0', '\t') || text.ContainsAnyInRange('\v', '\u001F') || text.ContainsAnyInRange('\u007F', '\u009F')
        || text.ContainsAnyInRange('\uD800', '\uDFFF') || text.ContainsAny(RefusedSingles);

    private static OutsideException Outside => new();

    /// <summary>The text leaves this reader's shape: YamlDotNet reads it.</summary>
    private sealed class OutsideException : Exception;
}
