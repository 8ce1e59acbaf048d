using System.Globalization;
using System.Text;

namespace PerfDisclosure.Build.OpenData;

/// <summary>
/// Writes RFC 4180 CSV for programs: UTF-8 without a byte-order mark (the Data Package readers take a BOM as part
/// of the first header), CRLF line ends, quotes where needed, every value exactly as published. People open the
/// .xlsx downloads instead, where a text cell is typed text and never runs as a formula.
/// </summary>
public sealed class CsvWriter(TextWriter writer)
{
    /// <summary>UTF-8 without a BOM, as the Data Package declares (<c>encoding: utf-8</c>).</summary>
    public static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    public void WriteRow(IEnumerable<object?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                writer.Write(',');
            }

            writer.Write(Format(cell));
            first = false;
        }

        writer.Write("\r\n");
    }

    /// <summary>One cell as CSV text. Numbers stay numbers; text is as published, quoted when it must be.</summary>
    public static string Format(object? cell) => cell switch
    {
        null => string.Empty,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        PrintedNumber p => p.Number.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Quote(cell.ToString() ?? string.Empty),
    };

    private static string Quote(string text) =>
        text.IndexOfAny(NeedsQuotes) >= 0 || (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
}
