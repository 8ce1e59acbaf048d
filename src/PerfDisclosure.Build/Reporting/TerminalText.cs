using System.Globalization;
using System.Text;

namespace PerfDisclosure.Build.Reporting;

/// <summary>
/// Text for a terminal. A diagnostic quotes what the content holds, and a control character (ESC starts a terminal
/// escape sequence that can recolour, retitle or rewrite the screen), a line break (a second, forged line) or a
/// bidi control (U+202E shows <c>error</c> as <c>rorre</c>, and can reorder a file name) would act instead of being
/// read. Each is written as <c>\u{1B}</c>, so the reader sees which character the file holds. The JSON and SARIF
/// formats stay exact: their writers escape for their own syntax, and tools read them, not eyes.
/// </summary>
public static class TerminalText
{
    public static string Escape(string text)
    {
        var i = 0;
        while (i < text.Length && !Acts(text, i))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            if (Acts(text, i))
            {
                escaped.Append("\\u{").Append(((int)text[i]).ToString("X", CultureInfo.InvariantCulture)).Append('}');
            }
            else
            {
                escaped.Append(text[i]);
            }
        }

        return escaped.ToString();
    }

    /// <summary>Control characters (C0, DEL, C1; a tab too, since a diagnostic is one line), line and paragraph separators, bidi controls, and a surrogate that is not half of a pair.</summary>
    private static bool Acts(string text, int i)
    {
        var c = text[i];
        return char.IsControl(c)
            || c is '\u2028' or '\u2029' or '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
            || (char.IsHighSurrogate(c) && (i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1])))
            || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])));
    }
}
