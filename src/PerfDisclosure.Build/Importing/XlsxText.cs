using System.Globalization;
using System.Text;
using System.Xml;

namespace PerfDisclosure.Build.Importing;

/// <summary>How a workbook spells text and numbers: <c>_xHHHH_</c> escapes, number formats that show dates, the cell's text as Excel shows it.</summary>
public static class XlsxText
{
    /// <summary>Excel's built-in number formats that show a date (including the Chinese ones, 27–36 and 50–58).</summary>
    private static readonly HashSet<int> BuiltInDates = [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58];

    /// <summary>Text with OOXML's escapes undone: <c>_x000D_</c> is a carriage return, <c>_x005F_</c> an underscore (so <c>_x005F_x0041_</c> is the text <c>_x0041_</c>).</summary>
    public static string Decode(string text)
    {
        if (!text.Contains("_x", StringComparison.Ordinal))
        {
            return text;
        }

        var decoded = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_'
                && int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                decoded.Append((char)code);
                i += 6;
            }
            else
            {
                decoded.Append(text[i]);
            }
        }

        return decoded.ToString();
    }

    /// <summary>The styles (<c>cellXfs</c> indexes) whose number format shows a date.</summary>
    public static HashSet<int> DateStyles(XmlReader xml)
    {
        using (xml)
        {
            var custom = new Dictionary<int, bool>();
            var dates = new HashSet<int>();
            var inCellXfs = false;
            var index = 0;
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs")
                {
                    inCellXfs = false;
                }

                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (xml.LocalName == "numFmt" && int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id))
                {
                    custom[id] = IsDateFormat(xml.GetAttribute("formatCode") ?? string.Empty);
                }
                else if (xml.LocalName == "cellXfs")
                {
                    inCellXfs = !xml.IsEmptyElement;
                }
                else if (xml.LocalName == "xf" && inCellXfs)
                {
                    if (int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var format) && (custom.TryGetValue(format, out var isDate) ? isDate : BuiltInDates.Contains(format)))
                    {
                        dates.Add(index);
                    }

                    index++;
                }
            }

            return dates;
        }
    }

    /// <summary>A format code shows a date when, outside quoted text, escapes and [colour]/[condition] sections, it has a date or time letter.</summary>
    public static bool IsDateFormat(string code)
    {
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (quoted)
            {
                quoted = c != '"';
            }
            else if (bracket)
            {
                bracket = c != ']';
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == '[')
            {
                bracket = true;
            }
            else if (c is '\\' or '_' or '*')
            {
                i++;
            }
            else if (c is 'y' or 'Y' or 'm' or 'M' or 'd' or 'D' or 'h' or 'H' or 's' or 'S')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A number cell as the importer reads it: a date as YYYY-MM-DD when its style shows a date, else the number without trailing zeros.</summary>
    public static string Number(string raw, bool isDate, bool date1904)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            return raw.Trim();
        }

        if (isDate && number >= 0 && number < 2_958_465)
        {
            return DateTime.FromOADate(number + (date1904 ? 1462 : 0)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return number.ToString("0.############", CultureInfo.InvariantCulture);
    }

    /// <summary>A name or text from the file shown in a message: at most 40 characters, on one line.</summary>
    public static string Shown(string text)
    {
        var line = string.Concat(text.Take(40).Select(c => char.IsControl(c) ? ' ' : c));
        return text.Length > 40 ? line + "…" : line;
    }
}
