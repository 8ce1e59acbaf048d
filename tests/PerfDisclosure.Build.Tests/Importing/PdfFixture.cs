using System.Globalization;
using System.Text;

namespace PerfDisclosure.Build.Tests.Importing;

/// <summary>
/// Small PDFs written byte by byte for the reader's edge cases: one A4 page per content stream, Helvetica for text
/// (a standard font, not embedded), an optional 1×1 grey image, and a correct cross-reference table.
/// </summary>
internal static class PdfFixture
{
    /// <summary>Text drawn at (x, y) points from the bottom left, 10 pt.</summary>
    public static string Text(double x, double y, string text) => string.Create(CultureInfo.InvariantCulture, $"BT /F1 10 Tf {x} {y} Td ({text}) Tj ET\n");

    /// <summary>A stroked straight line.</summary>
    public static string Line(double x1, double y1, double x2, double y2) => string.Create(CultureInfo.InvariantCulture, $"{x1} {y1} m {x2} {y2} l S\n");

    /// <summary>The image drawn over most of the page, as a scanner writes a page.</summary>
    public const string Image = "q 500 0 0 700 40 60 cm /Im1 Do Q\n";

    public static void Write(string path, params string[] pages)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{string.Join(' ', pages.Select((_, i) => $"{5 + (2 * i)} 0 R"))}] /Count {pages.Length} >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\u0080\nendstream",
        };
        foreach (var content in pages)
        {
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> /Contents {objects.Count + 2} 0 R >>");
            objects.Add($"<< /Length {Encoding.Latin1.GetByteCount(content)} >>\nstream\n{content}endstream");
        }

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(pdf.ToString()));
    }
}
