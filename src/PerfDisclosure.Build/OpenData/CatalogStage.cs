using System.Globalization;
using System.Text.Json;
using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Stages;

namespace PerfDisclosure.Build.OpenData;

/// <summary>
/// site/data/catalog.jsonld: a DCAT-AP catalog in one static file, with what CKAN's ckanext-dcat harvests: the
/// publisher (the government body of site.yaml, with its ADMS type), a contact point, the licence, language,
/// spatial coverage (the jurisdictions), temporal coverage (the budget years), theme, issued and modified dates
/// from the forms' own dates, and for each file a distribution with media type, format and byte size.
/// One dcat:Dataset per table (CSV and the .xlsx) and one for forms.json.
/// </summary>
public sealed class CatalogStage : IDownloadStage
{
    public string Name => "catalog";

    private const string FileTypes = "http://publications.europa.eu/resource/authority/file-type/";

    /// <summary>EU data themes: 政府与公共部门, 经济与财政.</summary>
    private static readonly string[] Themes =
    [
        "http://publications.europa.eu/resource/authority/data-theme/GOVE",
        "http://publications.europa.eu/resource/authority/data-theme/ECON",
    ];

    private sealed record Distribution(string Path, string Title, string MediaType, string Format);

    public void Run(BuildContext context)
    {
        var site = context.Site;
        var url = (string path) => PageContext.Canonical(site.Settings.BaseUrl, path);
        var size = (string path) => new FileInfo(context.Writer.Locate(path)).Length;
        var workbook = new Distribution(SitePaths.SiteWorkbook, site.Strings["open_data.workbook"], DataPageStage.WorkbookMediaType, "XLSX");
        using var stream = context.Writer.Create("data/catalog.jsonld");
        using var json = new Utf8JsonWriter(stream, FormJson.Options);
        json.WriteStartObject();
        json.WriteStartObject("@context");
        json.WriteString("dcat", "http://www.w3.org/ns/dcat#");
        json.WriteString("dct", "http://purl.org/dc/terms/");
        json.WriteString("foaf", "http://xmlns.com/foaf/0.1/");
        json.WriteString("vcard", "http://www.w3.org/2006/vcard/ns#");
        json.WriteString("skos", "http://www.w3.org/2004/02/skos/core#");
        json.WriteString("xsd", "http://www.w3.org/2001/XMLSchema#");
        json.WriteEndObject();
        json.WriteString("@id", url("data/catalog.jsonld"));
        json.WriteString("@type", "dcat:Catalog");
        Literal(json, "dct:title", site.Settings.Title);
        Literal(json, "dct:description", site.Settings.Description);
        Language(json);
        Publisher(json, site, url);
        ContactPoint(json, site, url);
        Licence(json, site);
        Reference(json, "foaf:homepage", url(""));
        Reference(json, "dct:accessRights", "http://publications.europa.eu/resource/authority/access-right/PUBLIC");
        Dates(json, site);
        Spatial(json, site);
        Temporal(json, site);
        Reference(json, "dcat:themeTaxonomy", "http://publications.europa.eu/resource/authority/data-theme");
        Theme(json);
        Keywords(json, site);
        Reference(json, "dcat:landingPage", url(SitePaths.Data));
        json.WriteStartArray("dcat:dataset");
        foreach (var table in OpenDataTables.All(site))
        {
            Dataset(json, site, url, size, table.Name, table.Title, table.Description, [new(table.Path, table.Title, "text/csv", "CSV"), workbook]);
        }

        Dataset(json, site, url, size, "forms-json", site.Strings["open_data.forms_json"], site.Strings["open_data.forms_json_description"], [new("data/forms.json", site.Strings["open_data.forms_json"], "application/json", "JSON")]);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Dataset(Utf8JsonWriter json, SiteModel site, Func<string, string> url, Func<string, long> size, string name, string title, string description, IReadOnlyList<Distribution> distributions)
    {
        json.WriteStartObject();
        json.WriteString("@id", url(SitePaths.Data) + "#" + name);
        json.WriteString("@type", "dcat:Dataset");
        json.WriteString("dct:identifier", name);
        Literal(json, "dct:title", title);
        Literal(json, "dct:description", description);
        Language(json);
        Publisher(json, site, url);
        ContactPoint(json, site, url);
        Licence(json, site);
        Reference(json, "dct:accessRights", "http://publications.europa.eu/resource/authority/access-right/PUBLIC");
        Reference(json, "dct:accrualPeriodicity", "http://publications.europa.eu/resource/authority/frequency/IRREG");
        Dates(json, site);
        Spatial(json, site);
        Temporal(json, site);
        Theme(json);
        Keywords(json, site);
        Reference(json, "dcat:landingPage", url(SitePaths.Data));
        json.WriteStartArray("dcat:distribution");
        foreach (var distribution in distributions)
        {
            json.WriteStartObject();
            json.WriteString("@id", url(distribution.Path));
            json.WriteString("@type", "dcat:Distribution");
            Literal(json, "dct:title", distribution.Title);
            Language(json);
            Reference(json, "dcat:accessURL", url(SitePaths.Data));
            Reference(json, "dcat:downloadURL", url(distribution.Path));
            Reference(json, "dcat:mediaType", "https://www.iana.org/assignments/media-types/" + distribution.MediaType);
            Reference(json, "dct:format", FileTypes + distribution.Format);
            Licence(json, site);
            json.WriteStartObject("dcat:byteSize");
            json.WriteString("@value", size(distribution.Path).ToString(CultureInfo.InvariantCulture));
            json.WriteString("@type", "xsd:nonNegativeInteger");
            json.WriteEndObject();
            Dates(json, site);
            if (distribution.Format == "CSV")
            {
                Reference(json, "dct:conformsTo", url("data/datapackage.json"));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The government body of site.yaml, with its kind (ADMS publisher type).</summary>
    private static void Publisher(Utf8JsonWriter json, SiteModel site, Func<string, string> url)
    {
        json.WriteStartObject("dct:publisher");
        json.WriteString("@id", url("") + "#publisher");
        json.WriteString("@type", "foaf:Organization");
        Literal(json, "foaf:name", site.Settings.PublisherName);
        if (site.Settings.PublisherType.Length > 0)
        {
            Reference(json, "dct:type", "http://purl.org/adms/publishertype/" + site.Settings.PublisherType);
        }

        Reference(json, "foaf:homepage", url(""));
        json.WriteEndObject();
    }

    /// <summary>Who answers a data user: the publisher, by e-mail when site.yaml gives one, and the site.</summary>
    private static void ContactPoint(Utf8JsonWriter json, SiteModel site, Func<string, string> url)
    {
        json.WriteStartObject("dcat:contactPoint");
        json.WriteString("@type", "vcard:Organization");
        Literal(json, "vcard:fn", site.Settings.PublisherName);
        if (site.Settings.ContactEmail.Length > 0)
        {
            Reference(json, "vcard:hasEmail", "mailto:" + site.Settings.ContactEmail);
        }

        Reference(json, "vcard:hasURL", url(""));
        json.WriteEndObject();
    }

    /// <summary>
    /// The licence of site.yaml as a dct:LicenseDocument with its title: ckanext-dcat matches a distribution's
    /// licence to its register by URI, then by that title. On the catalog, each dataset and each distribution.
    /// </summary>
    private static void Licence(Utf8JsonWriter json, SiteModel site)
    {
        json.WriteStartObject("dct:license");
        json.WriteString("@id", site.Settings.Licence);
        json.WriteString("@type", "dct:LicenseDocument");
        Literal(json, "dct:title", site.Settings.LicenceName);
        json.WriteEndObject();
    }

    private static void Theme(Utf8JsonWriter json)
    {
        json.WriteStartArray("dcat:theme");
        foreach (var theme in Themes)
        {
            json.WriteStartObject();
            json.WriteString("@id", theme);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Keywords(Utf8JsonWriter json, SiteModel site)
    {
        json.WriteStartArray("dcat:keyword");
        foreach (var keyword in OpenDataFacts.Keywords(site))
        {
            json.WriteStringValue(keyword);
        }

        json.WriteEndArray();
    }

    /// <summary>The jurisdictions of the organisations whose forms are published.</summary>
    private static void Spatial(Utf8JsonWriter json, SiteModel site)
    {
        json.WriteStartArray("dct:spatial");
        foreach (var jurisdiction in site.Organisations.Select(o => o.Jurisdiction).Distinct().Order(StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("@type", "dct:Location");
            Literal(json, "skos:prefLabel", jurisdiction);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The budget years (China's fiscal year is the calendar year).</summary>
    private static void Temporal(Utf8JsonWriter json, SiteModel site)
    {
        if (site.Years.Count == 0)
        {
            return;
        }

        json.WriteStartObject("dct:temporal");
        json.WriteString("@type", "dct:PeriodOfTime");
        Date(json, "dcat:startDate", new DateOnly(site.Years.Min(), 1, 1));
        Date(json, "dcat:endDate", new DateOnly(site.Years.Max(), 12, 31));
        json.WriteEndObject();
    }

    /// <summary>Issued: the first form's publication; modified: the latest change (the forms' own dates).</summary>
    private static void Dates(Utf8JsonWriter json, SiteModel site)
    {
        Date(json, "dct:issued", OpenDataFacts.Issued(site));
        Date(json, "dct:modified", OpenDataFacts.Modified(site));
    }

    private static void Language(Utf8JsonWriter json) => Reference(json, "dct:language", "http://publications.europa.eu/resource/authority/language/ZHO");

    private static void Literal(Utf8JsonWriter json, string name, string value)
    {
        json.WriteStartObject(name);
        json.WriteString("@value", value);
        json.WriteString("@language", "zh");
        json.WriteEndObject();
    }

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
