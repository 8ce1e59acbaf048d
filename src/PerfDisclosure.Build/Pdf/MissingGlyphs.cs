using System.Globalization;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Validation.Rules.Outputs;

namespace PerfDisclosure.Build.Pdf;

/// <summary>
/// Warns of the characters a PDF would print blank (PD0811): a form's text the engine's fonts have no glyph for. Each
/// character once per form, at its first place in the form's content file, naming the table and row it prints in.
/// </summary>
public static class MissingGlyphs
{
    /// <summary>The warnings of one form's PDF: its title, then every cell of its printed tables in order.</summary>
    public static IEnumerable<Diagnostic> Of(FontCoverage fonts, Form form, PrintedForm printed, string title)
    {
        var seen = new HashSet<int>();
        foreach (var c in fonts.Missing(title).Where(seen.Add))
        {
            yield return Report(form.File, form.Where, c, $"标题“{title}”", $"the title \"{title}\"");
        }

        foreach (var table in printed.Tables)
        {
            foreach (var c in fonts.Missing(table.Caption).Where(seen.Add))
            {
                yield return Report(form.File, form.Where, c, $"表“{table.Caption}”的标题", $"the caption of table \"{table.Caption}\"");
            }

            var rowsBefore = 0;
            foreach (var section in table.Sections)
            {
                foreach (var cell in section.Cells)
                {
                    foreach (var c in cell.Lines.SelectMany(fonts.Missing).Where(seen.Add))
                    {
                        var row = rowsBefore + cell.Row + 1;
                        var label = RowLabel(section, cell.Row);
                        yield return Report(form.File, form.Where, c, $"表“{table.Caption}”第 {row} 行“{label}”", $"table \"{table.Caption}\", row {row} \"{label}\"");
                    }
                }

                rowsBefore += section.Rows;
            }
        }
    }

    /// <summary>The warnings of a compilation's cover: the organisation's name and the compilation's title.</summary>
    public static IEnumerable<Diagnostic> OfCover(FontCoverage fonts, Organisation organisation, string title)
    {
        var seen = new HashSet<int>();
        foreach (var c in fonts.Missing(organisation.Name).Where(seen.Add))
        {
            yield return Report(organisation.Where.File, organisation.Where, c, $"汇总表封面“{organisation.Name}”", $"the compilation's cover \"{organisation.Name}\"");
        }

        foreach (var c in fonts.Missing(title).Where(seen.Add))
        {
            yield return Report(organisation.Where.File, organisation.Where, c, $"汇总表封面“{title}”", $"the compilation's cover \"{title}\"");
        }
    }

    /// <summary>U+XXXX, as the Unicode standard names a code point.</summary>
    public static string Name(int codePoint) => string.Create(CultureInfo.InvariantCulture, $"U+{codePoint:X4}");

    private static Diagnostic Report(string file, SourceSpan where, int codePoint, string place, string placeEn)
    {
        var character = char.ConvertFromUtf32(codePoint);
        var name = Name(codePoint);
        return OutputRules.GlyphMissing.Report(
            Find(file, character) ?? where,
            $"PDF 中字符 {name}（{character}）印成空白，字体没有它的字形：{place}",
            $"{name} ({character}) prints blank in the PDF, the fonts have no glyph for it: {placeEn}");
    }

    /// <summary>The line and column of the character's first appearance in the file, or null when it is not there.</summary>
    private static SourceSpan? Find(string file, string character)
    {
        if (string.IsNullOrEmpty(file) || !File.Exists(file))
        {
            return null;
        }

        var line = 1;
        foreach (var text in File.ReadLines(file))
        {
            var at = text.IndexOf(character, StringComparison.Ordinal);
            if (at >= 0)
            {
                return new SourceSpan(file, line, at + 1);
            }

            line++;
        }

        return null;
    }

    /// <summary>The text of the first column's cell over a row of a section: the row's label.</summary>
    private static string RowLabel(TableSection section, int row) =>
        section.Cells.FirstOrDefault(c => c.Column == 0 && c.Row <= row && row < c.Row + c.RowSpan)?.Text ?? string.Empty;
}
