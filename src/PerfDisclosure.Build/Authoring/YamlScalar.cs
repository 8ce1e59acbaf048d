using System.Globalization;
using System.Text;

namespace PerfDisclosure.Build.Authoring;

/// <summary>
/// Writes a value into a YAML file so that it reads back as exactly the same text: every value <c>import</c> and
/// <c>new</c> write goes through here. A double-quoted scalar escapes what YAML (and YamlDotNet, which follows
/// YAML 1.1 here) would otherwise read as a line break or refuse: control characters, NEL (U+0085), the line and
/// paragraph separators (U+2028, U+2029), a byte-order mark, non-characters and lone surrogates. A literal block
/// (<c>|</c>) is used for multi-line Markdown only when every line reads back as written.
/// </summary>
public static class YamlScalar
{
    /// <summary>The text as a double-quoted scalar, once it is <see cref="Core.Values.PublishableText.Publishable"/>.</summary>
    public static string Quoted(string text)
    {
        text = Core.Values.PublishableText.Publishable(text);
        var yaml = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                yaml.Append(c).Append(text[++i]);
                continue;
            }

            yaml.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\0' => "\\0",
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                '\u0085' => "\\N",
                '\u2028' => "\\L",
                '\u2029' => "\\P",
                _ when Printable(c) => c.ToString(),
                _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
        }

        return yaml.Append('"').ToString();
    }

    /// <summary>
    /// What follows <c>key:</c> for a Markdown value: a literal block indented by <paramref name="indent"/> when
    /// the text reads back so, else the quoted scalar; ends with a newline.
    /// </summary>
    public static string Block(string text, string indent)
    {
        text = Core.Values.PublishableText.Publishable(text);
        var lines = text.Split('\n');
        var literal = text.Contains('\n', StringComparison.Ordinal)
            && lines[0].Length > 0 && lines[0][0] is not (' ' or '\t')
            && !text.EndsWith('\n')
            && text.All(c => c == '\n' || (c != '\r' && c != '\uFEFF' && c != '\u0085' && c != '\u2028' && c != '\u2029' && (c == '\t' || Printable(c))))
            && !text.Any(char.IsSurrogate);
        if (!literal)
        {
            return " " + Quoted(text) + "\n";
        }

        var yaml = new StringBuilder(" |\n");
        foreach (var line in lines)
        {
            yaml.Append(line.Length == 0 ? string.Empty : indent + line).Append('\n');
        }

        return yaml.ToString();
    }

    /// <summary>Text for a <c>#</c> comment: on one line, whatever it holds.</summary>
    public static string Comment(string text) => string.Concat(text.Select(c => Printable(c) && c is not ('\u0085' or '\u2028' or '\u2029') ? c : '?'));

    /// <summary>YAML's printable characters, less those YamlDotNet reads as something else (a byte-order mark) and non-characters.</summary>
    private static bool Printable(char c) =>
        c is (>= ' ' and <= '~') or '\u0085' or (>= '\u00A0' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD') && c != '\uFEFF';
}
