using System.Globalization;
using System.Net;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Build.Rendering;

/// <summary>
/// Turns values into HTML-safe strings. Templates receive form data only through these, so a template
/// can print any value as it is and never inject content (Scriban does not escape by itself).
/// </summary>
public static class Html
{
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A field value as its official form prints it, escaped; Markdown rendered to safe HTML.</summary>
    public static string Display(FieldValue? value, FieldDefinition? definition, Func<string, string> organisationName) => value switch
    {
        null => string.Empty,
        NumberValue n => Escape(FormatNumber(n.Number, definition?.Format)),
        MarkdownValue m => MarkdownRenderer.FormText(m.Source),
        OrganisationValue o => Escape(o.Printed ?? organisationName(o.Id)),
        _ => Escape(value.Text),
    };

    public static string FormatNumber(decimal number, string? format) =>
        number.ToString(format ?? "#,##0.##", CultureInfo.InvariantCulture);

    /// <summary>An amount in yuan shown in 万元 with two decimals, for listings that mix layouts.</summary>
    public static string TenThousandYuan(decimal? yuan) => yuan is null ? string.Empty : FormatNumber(yuan.Value / 10000m, "#,##0.00");
}
