using System.Globalization;
using System.Text.Json;
using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Stages;

namespace PerfDisclosure.Build.OpenData;

/// <summary>
/// site/data/catalog.jsonld: a DCAT catalog (DCAT-AP style) in one static file, which a CKAN portal
/// (ckanext-dcat) can harvest. One dcat:Dataset per file, each with its dcat:Distribution.
/// </summary>
public sealed class CatalogStage : IOutputStage
{
    public string Name => "catalog";

    public void Run(BuildContext context)
    {
        var site = context.Site;
        var url = (string path) => PageContext.Canonical(site.Settings.BaseUrl, path);
        using var stream = context.Writer.Create("data/catalog.jsonld");
        using var json = new Utf8JsonWriter(stream, FormJson.Options);
        json.WriteStartObject();
        json.WriteStartObject("@context");
        json.WriteString("dcat", "http://www.w3.org/ns/dcat#");
        json.WriteString("dct", "http://purl.org/dc/terms/");
        json.WriteString("foaf", "http://xmlns.com/foaf/0.1/");
        json.WriteString("xsd", "http://www.w3.org/2001/XMLSchema#");
        json.WriteEndObject();
        json.WriteString("@id", url("data/catalog.jsonld"));
        json.WriteString("@type", "dcat:Catalog");
        Literal(json, "dct:title", site.Settings.Title);
        Literal(json, "dct:description", site.Settings.Description);
        Language(json);
        Publisher(json, site);
        Reference(json, "foaf:homepage", url(""));
        Date(json, "dct:modified", OpenDataFacts.Modified(site));
        json.WriteStartArray("dcat:dataset");
        foreach (var table in OpenDataTables.All(site))
        {
            Dataset(json, site, url, table.Name, table.Title, table.Description, table.Path, "text/csv", "CSV");
        }

        Dataset(json, site, url, "forms-json", site.Strings["open_data.forms_json"], site.Strings["open_data.forms_json_description"], "data/forms.json", "application/json", "JSON");
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Dataset(Utf8JsonWriter json, SiteModel site, Func<string, string> url, string name, string title, string description, string path, string mediaType, string format)
    {
        json.WriteStartObject();
        json.WriteString("@id", url(SitePaths.Data) + "#" + name);
        json.WriteString("@type", "dcat:Dataset");
        Literal(json, "dct:identifier", name);
        Literal(json, "dct:title", title);
        Literal(json, "dct:description", description);
        Language(json);
        Publisher(json, site);
        Date(json, "dct:issued", OpenDataFacts.Issued(site));
        Date(json, "dct:modified", OpenDataFacts.Modified(site));
        json.WriteStartArray("dcat:keyword");
        foreach (var keyword in OpenDataFacts.Keywords(site))
        {
            json.WriteStringValue(keyword);
        }

        json.WriteEndArray();
        Reference(json, "dcat:landingPage", url(SitePaths.Data));
        json.WriteStartObject("dcat:distribution");
        json.WriteString("@id", url(path));
        json.WriteString("@type", "dcat:Distribution");
        Literal(json, "dct:title", title);
        Reference(json, "dcat:accessURL", url(SitePaths.Data));
        Reference(json, "dcat:downloadURL", url(path));
        Literal(json, "dcat:mediaType", mediaType);
        Literal(json, "dct:format", format);
        Reference(json, "dct:conformsTo", url("data/datapackage.json"));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Publisher(Utf8JsonWriter json, SiteModel site)
    {
        json.WriteStartObject("dct:publisher");
        json.WriteString("@type", "foaf:Agent");
        Literal(json, "foaf:name", site.Settings.Publisher.Length > 0 ? site.Settings.Publisher : site.Settings.SiteName);
        json.WriteEndObject();
    }

    private static void Language(Utf8JsonWriter json) => Reference(json, "dct:language", "http://publications.europa.eu/resource/authority/language/ZHO");

    private static void Literal(Utf8JsonWriter json, string name, string value) => json.WriteString(name, value);

    private static void Reference(Utf8JsonWriter json, string name, string iri)
    {
        json.WriteStartObject(name);
        json.WriteString("@id", iri);
        json.WriteEndObject();
    }

    private static void Date(Utf8JsonWriter json, string name, DateOnly date)
    {
        json.WriteStartObject(name);
        json.WriteString("@value", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("@type", "xsd:date");
        json.WriteEndObject();
    }
}
