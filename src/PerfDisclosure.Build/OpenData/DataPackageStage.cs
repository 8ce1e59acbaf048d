using System.Text.Json;
using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Stages;

namespace PerfDisclosure.Build.OpenData;

/// <summary>
/// site/data/datapackage.json: a Frictionless Data Package (v2) describing the CSV tables with Table Schemas,
/// and forms.json, so tools such as <c>frictionless validate</c> can check the files.
/// </summary>
public sealed class DataPackageStage : IDownloadStage
{
    public string Name => "datapackage";

    public void Run(BuildContext context)
    {
        var site = context.Site;
        using var stream = context.Writer.Create("data/datapackage.json");
        using var json = new Utf8JsonWriter(stream, FormJson.Options);
        json.WriteStartObject();
        json.WriteString("$schema", "https://datapackage.org/profiles/2.0/datapackage.json");
        json.WriteString("name", "perfdisclosure");
        json.WriteString("title", site.Settings.Title);
        json.WriteString("description", site.Settings.Description);
        json.WriteString("homepage", PageContext.Canonical(site.Settings.BaseUrl, ""));
        json.WriteString("version", OpenDataFacts.Modified(site).ToString("yyyy.M.d", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("created", OpenDataFacts.Modified(site).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T00:00:00Z");
        json.WriteString("countryCode", "CN");
        if (site.Years.Count > 0)
        {
            // Fiscal Data Package: the budget years the tables cover (China's fiscal year is the calendar year).
            json.WriteStartObject("fiscalPeriod");
            json.WriteString("start", $"{site.Years.Min()}-01-01");
            json.WriteString("end", $"{site.Years.Max()}-12-31");
            json.WriteEndObject();
        }

        json.WriteStartArray("keywords");
        foreach (var keyword in OpenDataFacts.Keywords(site))
        {
            json.WriteStringValue(keyword);
        }

        json.WriteEndArray();
        json.WriteStartArray("resources");
        foreach (var table in OpenDataTables.All(site))
        {
            WriteTable(json, table);
        }

        json.WriteStartObject();
        json.WriteString("name", "forms-json");
        json.WriteString("path", "forms.json");
        json.WriteString("title", site.Strings["open_data.forms_json"]);
        json.WriteString("description", site.Strings["open_data.forms_json_description"]);
        json.WriteString("format", "json");
        json.WriteString("mediatype", "application/json");
        json.WriteString("encoding", "utf-8");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// Fiscal Data Package annotations (columnType, and for an amount its phase, direction, currency and unit),
    /// which generic readers ignore and fiscal-data tools (OpenSpending) read.
    /// </summary>
    private static void WriteFiscal(Utf8JsonWriter json, FiscalColumn fiscal)
    {
        json.WriteString("columnType", fiscal.ColumnType);
        if (fiscal.ColumnType != "value")
        {
            return;
        }

        json.WriteString("direction", "expenditure");
        json.WriteString("currency", "CNY");
        if (fiscal.Phase is { } phase)
        {
            json.WriteString("phase", phase);
        }

        if (fiscal.UnitColumn is { } unit)
        {
            // The unit varies by layout (元 or 万元): the row's own unit column says which, and how many yuan it is.
            json.WriteString("unitField", unit);
            json.WriteStartObject("factors");
            foreach (var (name, yuan) in Core.Layouts.LayoutFile.AmountUnits)
            {
                json.WriteNumber(name, yuan);
            }

            json.WriteEndObject();
        }

        if (fiscal.Factor is { } factor)
        {
            json.WriteNumber("factor", factor);
        }
    }

    private static void WriteTable(Utf8JsonWriter json, DataTable table)
    {
        json.WriteStartObject();
        json.WriteString("name", table.Name);
        json.WriteString("type", "table");
        json.WriteString("path", Path.GetFileName(table.Path));
        json.WriteString("title", table.Title);
        json.WriteString("description", table.Description);
        json.WriteString("format", "csv");
        json.WriteString("mediatype", "text/csv");
        json.WriteString("encoding", "utf-8");
        json.WriteStartObject("dialect");
        json.WriteString("$schema", "https://datapackage.org/profiles/2.0/tabledialect.json");
        json.WriteBoolean("header", true);
        json.WriteString("delimiter", ",");
        json.WriteString("lineTerminator", "\r\n");
        json.WriteString("quoteChar", "\"");
        json.WriteEndObject();
        json.WriteStartObject("schema");
        json.WriteString("$schema", "https://datapackage.org/profiles/2.0/tableschema.json");
        json.WriteStartArray("fields");
        foreach (var column in table.Columns)
        {
            json.WriteStartObject();
            json.WriteString("name", column.Name);
            json.WriteString("type", column.Type);
            json.WriteString("title", column.Identifier);
            json.WriteString("description", column.Description);
            if (column.Fiscal is { } fiscal)
            {
                WriteFiscal(json, fiscal);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("missingValues");
        json.WriteStringValue(string.Empty);
        json.WriteEndArray();
        json.WriteStartArray("primaryKey");
        foreach (var key in table.PrimaryKey)
        {
            json.WriteStringValue(key);
        }

        json.WriteEndArray();
        if (table.References is { } reference)
        {
            json.WriteStartArray("foreignKeys");
            json.WriteStartObject();
            json.WriteStartArray("fields");
            json.WriteStringValue(reference.Column);
            json.WriteEndArray();
            json.WriteStartObject("reference");
            json.WriteString("resource", reference.Table);
            json.WriteStartArray("fields");
            json.WriteStringValue(reference.TargetColumn);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
