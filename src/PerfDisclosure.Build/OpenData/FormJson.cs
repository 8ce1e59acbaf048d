using System.Text.Encodings.Web;
using System.Text.Json;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Schemas;
using PerfDisclosure.Core.Values;

namespace PerfDisclosure.Build.OpenData;

/// <summary>
/// A form as JSON: every field as data (numbers as numbers, organisations with id and name, values as
/// published plus their parse), the indicator rows, and <c>url</c>, the page's site-relative path.
/// </summary>
public static class FormJson
{
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Chinese stays readable in the files; nothing here is embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// What a form's open data (its form.json, its CSV and workbook rows) is made of, as a render-cache key: its page's
    /// inputs without the findings and linked forms, which only its page shows. Null for a form the loader did not hash.
    /// </summary>
    public static Caching.FormPageInputs? Inputs(Caching.FormPageInputs.Keys keys, FormEntry entry) =>
        keys.Of(entry) is { } inputs ? inputs with { Findings = [], Related = [] } : null;

    public static void Write(Utf8JsonWriter json, FormEntry entry, SiteModel site)
    {
        var form = entry.Form;
        json.WriteStartObject();
        json.WriteString("id", form.Id);
        json.WriteString("url", entry.Path);
        json.WriteString("layout", form.LayoutId);
        json.WriteString("kind", EnumNames.Name(entry.Layout.Kind));
        json.WriteString("title", entry.Layout.Title);
        json.WriteNumber("year", form.Year);
        json.WriteString("project_name", form.ProjectName);
        json.WriteString("owner", form.Owner);
        json.WriteString("owner_name", entry.Owner.Name);
        json.WriteString("jurisdiction", entry.Owner.Jurisdiction);
        json.WriteString("amount_unit", entry.Layout.AmountUnit);
        if (entry.Amount is { } amount)
        {
            json.WriteNumber("amount", amount);
        }
        else
        {
            json.WriteNull("amount");
        }

        json.WriteBoolean("classified", form.Classified);
        json.WritePropertyName("fields");
        WriteFields(json, form.Fields, site);
        json.WritePropertyName("indicators");
        json.WriteStartArray();
        foreach (var row in form.Indicators)
        {
            json.WriteStartObject();
            WriteOptional(json, "level1", row.Level1?.Value);
            WriteOptional(json, "level2", row.Level2?.Value);
            WriteOptional(json, "level3", row.Level3?.Value);
            foreach (var key in row.Cells.Keys)
            {
                json.WritePropertyName(key);
                WriteValue(json, row.Cells[key]!, site);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFields(Utf8JsonWriter json, FieldSet fields, SiteModel site)
    {
        json.WriteStartObject();
        foreach (var key in fields.Keys)
        {
            json.WritePropertyName(key);
            WriteValue(json, fields[key]!, site);
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, FieldValue value, SiteModel site)
    {
        switch (value)
        {
            case NumberValue n:
                json.WriteNumberValue(n.Number);
                break;
            case GroupValue g:
                WriteFields(json, g.Fields, site);
                break;
            case TableValue t:
                json.WriteStartArray();
                foreach (var row in t.Rows)
                {
                    WriteFields(json, row.Fields, site);
                }

                json.WriteEndArray();
                break;
            case PlaceholderValue p:
                // No number; what the form prints instead is kept.
                json.WriteStartObject();
                json.WriteNull("value");
                json.WriteString("printed", p.Printed);
                json.WriteEndObject();
                break;
            case OrganisationValue o:
                json.WriteStartObject();
                json.WriteString("id", o.Id);
                json.WriteString("name", site.OrganisationName(o.Id));
                WriteOptional(json, "printed", o.Printed);
                json.WriteEndObject();
                break;
            case MeasuredValue m:
                json.WriteStartObject();
                json.WriteString("published", m.Published);
                WriteParsed(json, m.Parsed);
                json.WriteEndObject();
                break;
            default:
                json.WriteStringValue(value.Text);
                break;
        }
    }

    private static void WriteParsed(Utf8JsonWriter json, ParsedValue parsed)
    {
        switch (parsed)
        {
            case Quantity q:
                json.WriteString("comparator", q.Comparator.Symbol());
                json.WriteNumber("number", q.Number);
                json.WriteString("unit", q.Unit);
                break;
            case NumberRange r:
                json.WriteNumber("low", r.Low);
                json.WriteNumber("high", r.High);
                json.WriteString("unit", r.Unit);
                break;
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
