namespace PerfDisclosure.Build.Site;

/// <summary>
/// Where each page lives. Paths are folders relative to the site root, ending in '/', each holding index.html.
/// Links between pages are relative, so the site works from a sub-path and from the file system alike.
/// </summary>
public static class SitePaths
{
    public const string Home = "";
    public const string Search = "search/";
    public const string Data = "data/";
    public const string Organisations = "organisations/";

    /// <summary>Every self-evaluation of the site in one sortable, filterable table.</summary>
    public const string Compare = "compare/";

    public static string Organisation(string id) => $"{id}/";

    public static string OrganisationYear(string id, int year) => $"{id}/{year}/";

    /// <summary>The spreadsheet of an organisation's year, in that year's folder.</summary>
    public static string OrganisationYearWorkbook(string id, int year) => $"{OrganisationYear(id, year)}{id}-{year}.xlsx";

    /// <summary>The spreadsheet of the whole site.</summary>
    public const string SiteWorkbook = "data/forms.xlsx";

    public static string Year(int year) => $"years/{year}/";

    public static string Page(string slug) => $"pages/{slug}/";

    /// <summary>"../" once per folder level: the way back to the site root from a page at <paramref name="path"/>.</summary>
    public static string RootFrom(string path) => string.Concat(Enumerable.Repeat("../", path.Count(c => c == '/')));

    /// <summary>The link from the page at <paramref name="from"/> to the page or file at <paramref name="to"/>.</summary>
    public static string Link(string from, string to) => RootFrom(from) + (to.Length == 0 || to.EndsWith('/') ? to + "index.html" : to);
}
