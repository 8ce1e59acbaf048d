using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Stages;
using PerfDisclosure.Core.Layouts;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Search;

/// <summary>
/// The search index and the search page (site/search/). What is searched is the main text of each form page as
/// rendered: exactly what a reader sees, whatever templates the site uses. The pages stage hands each form page
/// to the build's <see cref="SearchCollector"/> as it writes it; pages it did not write (a merge copies them from
/// the shards) are read back from the staging folder here, then the index is written.
/// </summary>
public sealed class SearchStage : IOutputStage
{
    public string Name => "search";

    public void Run(BuildContext context)
    {
        var search = context.Search ?? throw new InvalidOperationException("the search stage needs the build's search collector");
        search.AddWritten();
        search.Write(Facets(context.Site.Strings, search.Forms));

        context.Cache.Write(context.Writer, SitePaths.Search + "index.html", Page(context), context.Renderer);
    }

    public static IReadOnlyList<SearchFacet> Facets(Theme.ThemeStrings strings, IReadOnlyList<FormEntry> forms)
    {
        var grades = FormEntry.GradeOrder(forms).ToList();
        int Rank(string grade) => grades.IndexOf(grade) is var i and >= 0 ? i : grades.Count + (grade.Length == 0 ? 1 : 0);
        return
        [
            SearchFacet.Of("year", strings["search.year"], forms, f => f.Form.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Comparer<string>.Create((a, b) => string.CompareOrdinal(b, a))),
            SearchFacet.Of("jurisdiction", strings["search.jurisdiction"], forms, f => f.Owner.Jurisdiction),
            SearchFacet.Of("organisation", strings["search.organisation"], forms, f => f.Owner.Name),
            SearchFacet.Of("kind", strings["search.kind"], forms, f => strings.Kind(f.IsSelfEvaluation)),
            SearchFacet.Of(RoleNames.Snake(FieldRole.Grade), strings["search.grade"], forms, f => f.Grade ?? string.Empty, Comparer<string>.Create((a, b) => Rank(a).CompareTo(Rank(b)))),
        ];
    }

    private static PageView Page(BuildContext context)
    {
        var title = context.Site.Strings["title.search"];
        var globals = PageContext.Globals(context.Site, SitePaths.Search, title, [PageContext.Home(context.Site), new(title, SitePaths.Search)]);
        var page = (ScriptObject)globals["page"]!;
        page["head_extra"] = $"<script src=\"{Html.Escape(SitePaths.Link(SitePaths.Search, "assets/search.js"))}\" defer></script>";
        globals["years"] = context.Site.Years.Select(y => new ScriptObject { ["year"] = y, ["path"] = SitePaths.Year(y) }).ToList();
        return new PageView("layouts/search.sbn-html", globals, "search");
    }
}
