using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PerfDisclosure.Build.Pdf;

/// <summary>
/// Sets a PDF's title and author. Chromium writes the title from &lt;title&gt; but no author, so the document
/// information is replaced by an incremental update (ISO 32000-1, 7.5.6): a new Info dictionary, a one-entry
/// cross-reference section and a trailer pointing back to the old one. The printed bytes stay untouched, so the
/// structure tree that makes the PDF tagged survives as Chromium wrote it.
/// </summary>
public static partial class PdfDocumentInfo
{
    public static byte[] Set(byte[] pdf, string title, string author, DateTimeOffset date)
    {
        var tail = Encoding.Latin1.GetString(pdf, Math.Max(0, pdf.Length - 1024), Math.Min(1024, pdf.Length));
        var trailer = Trailer().Matches(tail) is { Count: > 0 } found ? found[^1] : throw new InvalidDataException("PDF has no trailer Chromium would write (/Size, /Root, startxref)");
        var size = int.Parse(trailer.Groups["size"].Value, CultureInfo.InvariantCulture);
        var root = trailer.Groups["root"].Value;
        var previous = trailer.Groups["startxref"].Value;

        var update = new StringBuilder();
        var objectAt = pdf.Length + 1;
        update.Append('\n');
        update.Append(CultureInfo.InvariantCulture, $"{size} 0 obj\n<</Title {Text(title)}\n/Author {Text(author)}\n/Creator (PerfDisclosure)\n/Producer (Chromium via Microsoft.Playwright)\n/CreationDate ({ReproduciblePdf.PdfDate(date)})\n/ModDate ({ReproduciblePdf.PdfDate(date)})>>\nendobj\n");
        var xrefAt = objectAt + Encoding.Latin1.GetByteCount(update.ToString(1, update.Length - 1));
        update.Append(CultureInfo.InvariantCulture, $"xref\n{size} 1\n{objectAt:D10} 00000 n \ntrailer\n<</Size {size + 1}\n/Root {root}\n/Info {size} 0 R\n/Prev {previous}>>\nstartxref\n{xrefAt}\n%%EOF\n");
        return [.. pdf, .. Encoding.Latin1.GetBytes(update.ToString())];
    }

    /// <summary>A PDF text string: UTF-16BE with its byte order mark, written in hex so no character needs escaping.</summary>
    private static string Text(string value) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";

    [GeneratedRegex(@"trailer\s*<<(?=[^>]*/Size (?<size>\d+))(?=[^>]*/Root (?<root>\d+ \d+ R))[^>]*>>\s*startxref\s*(?<startxref>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Trailer();
}
