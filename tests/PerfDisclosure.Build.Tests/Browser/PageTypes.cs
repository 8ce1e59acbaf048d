using PerfDisclosure.Build.Site;

namespace PerfDisclosure.Build.Tests.Browser;

/// <summary>One page of each kind the site publishes: the browser tests visit each of them.</summary>
public sealed record PageType(string Name, string Path);

public static class PageTypes
{
    /// <summary>
    /// Every page type, as data. A new kind of page is one line here. Each form layout in the content contributes its first form.
    /// </summary>
    public static IReadOnlyList<PageType> Of(SiteModel site)
    {
        var organisation = site.Organisations.First(o => site.ByOrganisation[o.Id].Any(f => f.IsSelfEvaluation)).Id;
        var year = site.ByOrganisation[organisation][0].Form.Year;
        return
        [
            new("home", SitePaths.Home),
            new("year", SitePaths.Year(site.Years[0])),
            new("organisation", SitePaths.Organisation(organisation)),
            new("organisation-year", SitePaths.OrganisationYear(organisation, year)),
            new("markdown-page", SitePaths.Page(site.Content.Pages[0].Slug)),
            new("data", SitePaths.Data),
            new("search", SitePaths.Search),
            new("compare", SitePaths.Compare),
            new("404", "404.html"),
            new("notes", PerfDisclosure.Build.Rendering.FormNotes.PagePath),
            new("form-with-notes", site.Forms.First(f => site.FindingsOf(f.Form).Any()).Path),
            .. site.Forms.GroupBy(f => f.Layout.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new PageType("form-" + g.Key, g.First().Path)),
        ];
    }

    /// <summary>For xunit theories: the names of the page types of the built content.</summary>
    public static TheoryData<string> Names() => [.. Of(BuiltSite.Content.Model).Select(p => p.Name)];
}
