using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Site;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Rendering;

/// <summary>A breadcrumb step: a title and the site path it leads to.</summary>
public sealed record Crumb(string Title, string Path);

/// <summary>What every page template sees: <c>site</c>, <c>strings</c>, <c>page</c> and the <c>href</c> function for relative links.</summary>
public static class PageContext
{
    /// <param name="path">The page's folder, e.g. <c>sh-x/2026/</c>.</param>
    /// <param name="ogType">Open Graph's kind of page: a form's page is an <c>article</c>, the others a <c>website</c>.</param>
    public static ScriptObject Globals(SiteModel model, string path, string title, IReadOnlyList<Crumb> crumbs, string? description = null, string? keywords = null, string? pubDate = null, string ogType = "website")
    {
        var site = model.Settings;
        var globals = new ScriptObject
        {
            ["site"] = Site(site),
            ["strings"] = model.Strings.Script,
            ["page"] = new ScriptObject
            {
                ["path"] = path,
                ["root"] = SitePaths.RootFrom(path),
                ["title"] = Html.Escape(title),
                ["canonical"] = Html.Escape(Canonical(site.BaseUrl, path)),
                ["description"] = Html.Escape(description ?? site.Description),
                ["keywords"] = Html.Escape(keywords ?? string.Empty),
                ["pub_date"] = Html.Escape(pubDate ?? string.Empty),
                ["og_type"] = ogType,
                ["head_extra"] = string.Empty, // set by pages that need more in <head>; present so --strict templates may test it
                ["inline_style"] = string.Empty, // the 404 page's inlined style sheet and script (NotFoundPageStage) …
                ["inline_script"] = string.Empty,
                ["csp_style"] = string.Empty, // … and their hashes, added to the page's Content-Security-Policy
                ["csp_script"] = string.Empty,
                ["column_name"] = Html.Escape(crumbs.Count > 1 ? crumbs[1].Title : title),
                ["breadcrumbs"] = crumbs.Select((c, i) => new ScriptObject
                {
                    ["title"] = Html.Escape(c.Title),
                    ["href"] = Html.Escape(SitePaths.Link(path, c.Path)),
                    ["current"] = i == crumbs.Count - 1,
                }).ToList(),
            },
        };
        globals.Import("href", new Func<string, string>(to => Html.Escape(SitePaths.Link(path, to))));
        return globals;
    }

    /// <summary>The first breadcrumb of every page.</summary>
    public static Crumb Home(SiteModel site) => new(site.Strings["home"], SitePaths.Home);

    public static string Canonical(string baseUrl, string path) => baseUrl.TrimEnd('/') + "/" + path;

    private static ScriptObject Site(SiteSettings site) => new()
    {
        ["title"] = Html.Escape(site.Title),
        ["description"] = Html.Escape(site.Description),
        ["base_url"] = Html.Escape(site.BaseUrl),
        ["site_name"] = Html.Escape(site.SiteName),
        ["site_domain"] = Html.Escape(site.SiteDomain),
        ["site_id_code"] = Html.Escape(site.SiteIdCode),
        ["content_source"] = Html.Escape(site.ContentSource),
        ["publisher"] = Html.Escape(site.Publisher),
    };
}
