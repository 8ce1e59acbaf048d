using System.Globalization;
using System.Text.Json;
using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Stages;
using Scriban.Runtime;

namespace PerfDisclosure.Build.OpenData;

/// <summary>
/// site/data/index.html: explains the open-data files and their columns, with schema.org Dataset markup
/// (JSON-LD, which the CSP allows: a data block is never run as script).
/// </summary>
public sealed class DataPageStage : IOutputStage
{
    public string Name => "data-page";

    public const string WorkbookMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The downloadable files: site path, name, format, media type and what they hold.</summary>
    public static IReadOnlyList<(string Path, string Format, string MediaType, string Description)> Files(SiteModel site) =>
    [
        .. OpenDataTables.All(site).Select(t => (t.Path, "CSV", "text/csv", site.Strings.Format("open_data.file", ("title", t.Title), ("description", t.Description)))),
        (SitePaths.SiteWorkbook, site.Strings["contract.format_workbook"], WorkbookMediaType, site.Strings["open_data.workbook_description"]),
        ("data/forms.json", "JSON", "application/json", site.Strings["open_data.forms_json_description"]),
        ("data/datapackage.json", "Frictionless Data Package v2", "application/json", site.Strings["open_data.datapackage_description"]),
        ("data/catalog.jsonld", site.Strings["contract.format_catalog"], "application/ld+json", site.Strings["open_data.catalog_description"]),
        ("feed.xml", "Atom", "application/atom+xml", site.Strings["open_data.feed_description"]),
    ];

    public void Run(BuildContext context)
    {
        var site = context.Site;
        var modified = OpenDataFacts.Modified(site).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var title = site.Strings["title.data"];
        var globals = PageContext.Globals(site, SitePaths.Data, title, [PageContext.Home(site), new(title, SitePaths.Data)], pubDate: modified);
        globals["modified"] = modified;
        globals["files"] = Files(site).Select(f => new ScriptObject
        {
            ["path"] = f.Path,
            ["name"] = Html.Escape(Path.GetFileName(f.Path)),
            ["format"] = Html.Escape(f.Format),
            ["media_type"] = Html.Escape(f.MediaType),
            ["description"] = Html.Escape(f.Description),
        }).ToList();
        globals["tables"] = OpenDataTables.All(site).Select(t => new ScriptObject
        {
            ["name"] = t.Name,
            ["file"] = Html.Escape(Path.GetFileName(t.Path)),
            ["title"] = Html.Escape(t.Title),
            ["row_count"] = t.Count(site),
            ["columns"] = t.Columns.Select(c => new ScriptObject
            {
                ["name"] = Html.Escape(c.Name),
                ["identifier"] = Html.Escape(c.Identifier),
                ["type"] = Html.Escape(c.Type),
                ["description"] = Html.Escape(c.Description),
            }).ToList(),
        }).ToList();
        // site.yaml's licence is linked only when the link policy allows it; its name is shown either way.
        globals["licence"] = Core.Links.SafeLinks.IsAllowed(site.Settings.Licence) ? Html.Escape(site.Settings.Licence) : string.Empty;
        globals["licence_name"] = Html.Escape(site.Settings.LicenceName);
        globals["citation"] = Html.Escape(site.Strings.Format("open_data.cite", ("publisher", site.Settings.PublisherName), ("site", site.Settings.Title), ("url", PageContext.Canonical(site.Settings.BaseUrl, SitePaths.Data)), ("modified", modified)));
        // What a program that read yesterday's English headers must now read: every header that is not its identifier.
        globals["renames"] = OpenDataTables.All(site).SelectMany(t => t.Columns.Where(c => c.Identifier != c.Name).Select(c => new ScriptObject
        {
            ["file"] = Html.Escape(Path.GetFileName(t.Path)),
            ["identifier"] = Html.Escape(c.Identifier),
            ["name"] = Html.Escape(c.Name),
        })).ToList();
        ((ScriptObject)globals["page"]!)["head_extra"] = "<script type=\"application/ld+json\">" + DatasetJsonLd(site) + "</script>";
        context.Cache.Write(context.Writer, SitePaths.Data + "index.html", new PageView("layouts/data.sbn-html", globals, SitePaths.Data), context.Renderer);
    }

    /// <summary>
    /// schema.org Dataset. The default JSON encoder escapes &lt; &gt; &amp; and non-ASCII, so nothing in it can
    /// close the script element it sits in.
    /// </summary>
    public static string DatasetJsonLd(SiteModel site)
    {
        var url = (string path) => PageContext.Canonical(site.Settings.BaseUrl, path);
        var dataset = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Dataset",
            ["name"] = site.Strings.Format("open_data.dataset", ("site", site.Settings.Title)),
            ["description"] = site.Strings.Format("open_data.dataset_description", ("description", site.Settings.Description)),
            ["url"] = url(SitePaths.Data),
            ["inLanguage"] = "zh-CN",
            ["keywords"] = OpenDataFacts.Keywords(site),
            ["dateModified"] = OpenDataFacts.Modified(site).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["temporalCoverage"] = site.Years.Count == 0 ? null : $"{site.Years.Min()}/{site.Years.Max()}",
            ["spatialCoverage"] = site.Organisations.Select(o => o.Jurisdiction).Distinct().Order(StringComparer.Ordinal).ToList(),
            ["creator"] = new Dictionary<string, object> { ["@type"] = "Organization", ["name"] = site.Settings.PublisherName },
            ["distribution"] = Files(site).Select(f => new Dictionary<string, object>
            {
                ["@type"] = "DataDownload",
                ["name"] = Path.GetFileName(f.Path),
                ["encodingFormat"] = f.MediaType,
                ["contentUrl"] = url(f.Path),
            }).ToList(),
        };
        return JsonSerializer.Serialize(dataset);
    }
}
