using System.Globalization;
using System.Text;

namespace PerfDisclosure.Build.OpenData;

/// <summary>
/// Writes RFC 4180 CSV: UTF-8 with a byte-order mark (so Excel reads Chinese correctly), CRLF line ends,
/// quotes where needed. Text cells that a spreadsheet would run as a formula are neutralised.
/// </summary>
public sealed class CsvWriter(TextWriter writer)
{
    /// <summary>UTF-8 with BOM: without it, Excel on Chinese Windows opens the file as GBK and garbles it.</summary>
    public static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: true);

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
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

    /// <summary>One cell as CSV text. Numbers stay numbers (a negative amount is data, not a formula).</summary>
    public static string Format(object? cell) => cell switch
    {
        null => string.Empty,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Quote(Neutralise(cell.ToString() ?? string.Empty)),
    };

    /// <summary>
    /// OWASP's advice against CSV injection: a text cell starting with = + - @ tab or CR gets a leading
    /// apostrophe, so a spreadsheet shows it as text instead of evaluating it.
    /// </summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && Array.IndexOf(FormulaStarts, text[0]) >= 0 ? "'" + text : text;

    private static string Quote(string text) =>
        text.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
