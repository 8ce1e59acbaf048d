using System.Text;
using System.Text.RegularExpressions;

namespace PerfDisclosure.Build.Pdf;

/// <summary>
/// Tags the rendered table's <c>th</c> cells outside its header rows (row headers such as the indicator levels'
/// labels, the project fields' labels) as TH in the typeset PDF. Typst tags a cell TH only inside
/// <c>table.header</c>; its <c>pdf.header-cell</c> needs the <c>a11y-extras</c> feature, which the node compiler
/// does not enable (docs/pdf.md). Typst writes each structure element as a plain object, a table's cells in grid
/// order (row by row, column by column), so the n-th cell of the n-th table is the n-th cell the document wrote:
/// its <c>/S /TD</c> becomes <c>/S /TH</c> in place, the same length, so every byte offset and the cross-reference
/// table stay valid, and its layout attributes become <c>/Scope</c> (padded to their length).
/// </summary>
public static partial class TaggedHeaders
{
    /// <summary>Part of the PDF cache's key: another rewrite, other PDFs.</summary>
    public const string Version = "th-1";

    /// <summary>
    /// Rewrites <paramref name="pdf"/> in place. <paramref name="tables"/> holds, per table in document order, every
    /// cell in grid order: null for a data cell, else its scope (<c>Row</c> or <c>Column</c>). A table whose tagged
    /// cells do not match in number is left as Typst tagged it. Returns how many cells it retagged.
    /// </summary>
    public static int Apply(byte[] pdf, IReadOnlyList<IReadOnlyList<string?>> tables)
    {
        if (tables.Count == 0 || tables.All(t => t.All(c => c is null)))
        {
            return 0;
        }

        var text = Encoding.Latin1.GetString(pdf);
        var objects = Objects(text);
        var root = Reference(Trailer().Match(text, Math.Max(0, text.LastIndexOf("trailer", StringComparison.Ordinal))).Groups[1].Value);
        if (root is null || !objects.TryGetValue(root.Value, out var catalog) || Reference(StructTreeRoot().Match(Dictionary(text, catalog)).Groups[1].Value) is not { } tree)
        {
            return 0;
        }

        var found = new List<List<int>>();
        Walk(text, objects, tree, found, null, []);
        var retagged = 0;
        for (var t = 0; t < Math.Min(found.Count, tables.Count); t++)
        {
            var (cells, wanted) = (found[t], tables[t]);
            if (cells.Count != wanted.Count)
            {
                continue;
            }

            for (var i = 0; i < cells.Count; i++)
            {
                if (wanted[i] is { } scope && Retag(pdf, text, objects[cells[i]], scope))
                {
                    retagged++;
                }
            }
        }

        return retagged;
    }

    /// <summary>The structure tree depth first, as a reader follows it: each Table's TD and TH cells, in order.</summary>
    private static void Walk(string text, Dictionary<int, int> objects, int number, List<List<int>> tables, List<int>? table, HashSet<int> seen)
    {
        if (!seen.Add(number) || !objects.TryGetValue(number, out var offset))
        {
            return;
        }

        var dictionary = Dictionary(text, offset);
        var type = Structure().Match(dictionary) is { Success: true } m ? m.Groups[1].Value : string.Empty;
        if (type == "Table")
        {
            table = [];
            tables.Add(table);
        }
        else if (type is "TD" or "TH" && table is not null)
        {
            table.Add(number);
            return;
        }

        foreach (Match kid in Kid().Matches(Kids().Match(dictionary).Groups[1].Value))
        {
            Walk(text, objects, int.Parse(kid.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), tables, table, seen);
        }
    }

    private static bool Retag(byte[] pdf, string text, int offset, string scope)
    {
        var dictionary = Dictionary(text, offset);
        var tag = Structure().Match(dictionary);
        if (!tag.Success || tag.Groups[1].Value != "TD")
        {
            return false;
        }

        Write(pdf, offset + tag.Groups[1].Index, "TH");
        var layout = LayoutAttributes().Match(dictionary);
        var attribute = $"<</O /Table /Scope /{scope}>>";
        if (layout.Success && layout.Length >= attribute.Length)
        {
            Write(pdf, offset + layout.Index, attribute.Insert(attribute.Length - 2, new string(' ', layout.Length - attribute.Length)));
        }

        return true;
    }

    private static void Write(byte[] pdf, int at, string ascii) => Encoding.ASCII.GetBytes(ascii, 0, ascii.Length, pdf, at);

    /// <summary>Each object's offset, from the cross-reference table (Typst writes one, with no object streams).</summary>
    private static Dictionary<int, int> Objects(string text)
    {
        var objects = new Dictionary<int, int>();
        var start = StartXref().Match(text, Math.Max(0, text.LastIndexOf("startxref", StringComparison.Ordinal)));
        if (!start.Success || !int.TryParse(start.Groups[1].Value, out var xref) || xref >= text.Length || !text.AsSpan(xref).StartsWith("xref"))
        {
            return objects;
        }

        var end = text.IndexOf("trailer", xref, StringComparison.Ordinal);
        var lines = text[xref..(end < 0 ? text.Length : end)].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var number = 0;
        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split(' ');
            if (parts.Length == 2)
            {
                number = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }

            if (parts.Length == 3 && parts[2] == "n")
            {
                objects[number] = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            }

            number++;
        }

        return objects;
    }

    /// <summary>The object's text up to its end (structure elements hold no streams).</summary>
    private static string Dictionary(string text, int offset)
    {
        var end = text.IndexOf("endobj", offset, StringComparison.Ordinal);
        return end < 0 ? string.Empty : text[offset..end];
    }

    private static int? Reference(string value) => ObjectReference().Match(value) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"/Root\s+(\d+\s+\d+\s+R)")]
    private static partial Regex Trailer();

    [GeneratedRegex(@"/StructTreeRoot\s+(\d+\s+\d+\s+R)")]
    private static partial Regex StructTreeRoot();

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"(?<=\s)/S\s*/([A-Za-z]+)")]
    private static partial Regex Structure();

    [GeneratedRegex(@"/K\s*(\[[^\]]*\]|\d+\s+\d+\s+R)")]
    private static partial Regex Kids();

    [GeneratedRegex(@"(\d+)\s+\d+\s+R")]
    private static partial Regex Kid();

    [GeneratedRegex(@"^(\d+)\s+\d+\s+R")]
    private static partial Regex ObjectReference();

    [GeneratedRegex(@"<<\s*/O\s*/Layout[^<>]*>>")]
    private static partial Regex LayoutAttributes();
}
