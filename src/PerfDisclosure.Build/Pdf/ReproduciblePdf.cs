using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PerfDisclosure.Build.Pdf;

/// <summary>
/// Makes Chromium's PDF bytes depend on the input only. Chromium stamps the print time (/CreationDate, /ModDate) and
/// names structure elements after DOM node ids (<c>/ID (node00007186)</c>), a counter shared by every page the
/// browser has loaded, so the same form printed twice, or after another form, differs. Both are rewritten in place
/// with strings of the same length, so every byte offset, the cross-reference table with it, stays valid.
/// </summary>
public static partial class ReproduciblePdf
{
    /// <summary>
    /// Dates become <paramref name="date"/>; structure ids are renumbered in the order their elements appear in the
    /// file (node00000000, node00000001 …), and the /IDTree's leaves re-sorted by the new keys, as a name tree must be.
    /// </summary>
    public static byte[] Normalise(byte[] pdf, DateTimeOffset date)
    {
        // Latin-1 maps every byte to one char and back, so binary streams pass through unchanged.
        var text = Encoding.Latin1.GetString(pdf);
        var stamp = PdfDate(date);
        text = ChromiumDate().Replace(text, m => m.Groups["key"].Value + "(" + stamp + ")");
        text = SortIdTree(RenumberIds(text));

        var bytes = Encoding.Latin1.GetBytes(text);
        return bytes.Length == pdf.Length ? bytes : throw new InvalidDataException("rewriting the PDF's dates and structure ids changed its length");
    }

    /// <summary>
    /// Chromium's numbers come from a browser-wide counter, assigned in an order that depends on what the browser did
    /// before; the order of the elements in the file depends on the document only. Same width, so same length.
    /// </summary>
    private static string RenumberIds(string text)
    {
        var numbers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var number in ElementId().Matches(text).Concat(StructureId().Matches(text)).Select(m => m.Groups["number"].Value))
        {
            numbers.TryAdd(number, numbers.Count.ToString(CultureInfo.InvariantCulture).PadLeft(number.Length, '0'));
        }

        return StructureId().Replace(text, m => "(node" + numbers[m.Groups["number"].Value] + ")");
    }

    /// <summary>
    /// Puts the /IDTree's entries back in key order (ISO 32000-1, 7.9.6), each leaf keeping its number of entries.
    /// Chromium writes one leaf; with several, a leaf whose entries' object numbers differ in width would change length,
    /// which <see cref="Normalise"/> reports instead of writing a broken PDF.
    /// </summary>
    private static string SortIdTree(string text)
    {
        var leaves = IdTreeLeaf().Matches(text);
        var entries = leaves.SelectMany(leaf => IdTreeEntry().Matches(leaf.Groups["names"].Value))
            .Select(e => (Key: e.Groups["key"].Value, Value: e.Value)).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        var next = 0;
        return IdTreeLeaf().Replace(text, leaf =>
        {
            var count = IdTreeEntry().Count(leaf.Groups["names"].Value);
            var own = entries.Skip(next).Take(count).ToList();
            next += count;
            return own.Count == 0 ? leaf.Value : $"/Limits [({own[0].Key}) ({own[^1].Key})]\n/Names [{string.Join(' ', own.Select(e => e.Value))}]";
        });
    }

    /// <summary>A PDF date as Chromium writes it (ISO 32000-1, 7.9.4), always 23 characters: D:YYYYMMDDHHmmSS+00'00'.</summary>
    public static string PdfDate(DateTimeOffset date) =>
        "D:" + date.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+00'00'";

    /// <summary>The date of a form's PDF: SOURCE_DATE_EPOCH when set, else the form's own date (never the clock).</summary>
    public static DateTimeOffset DateOf(DateTimeOffset? sourceDate, DateOnly content) =>
        sourceDate ?? new DateTimeOffset(content.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    [GeneratedRegex(@"(?<key>/(?:CreationDate|ModDate) )\(D:\d{14}[+\-]\d\d'\d\d'\)", RegexOptions.CultureInvariant)]
    private static partial Regex ChromiumDate();

    [GeneratedRegex(@"\(node(?<number>\d{1,12})\)", RegexOptions.CultureInvariant)]
    private static partial Regex StructureId();

    [GeneratedRegex(@"/ID \(node(?<number>\d{1,12})\)", RegexOptions.CultureInvariant)]
    private static partial Regex ElementId();

    [GeneratedRegex(@"/Limits \[\(node\d{1,12}\) \(node\d{1,12}\)\]\n/Names \[(?<names>[^\]]*)\]", RegexOptions.CultureInvariant)]
    private static partial Regex IdTreeLeaf();

    [GeneratedRegex(@"\((?<key>node\d{1,12})\) \d+ \d+ R", RegexOptions.CultureInvariant)]
    private static partial Regex IdTreeEntry();
}
