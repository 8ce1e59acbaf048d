using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Stages;
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
    private static readonly string[] GradeOrder = ["优", "良", "中", "差"];

    public string Name => "search";

    public void Run(BuildContext context)
    {
        var search = context.Search ?? throw new InvalidOperationException("the search stage needs the build's search collector");
        search.AddWritten();
        search.Write(Facets(context.Site.Forms));

        context.Cache.Write(context.Writer, SitePaths.Search + "index.html", Page(context), context.Renderer);
    }

    public static IReadOnlyList<SearchFacet> Facets(IReadOnlyList<FormEntry> forms) =>
    [
        SearchFacet.Of("year", "年度", forms, f => f.Form.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Comparer<string>.Create((a, b) => string.CompareOrdinal(b, a))),
        SearchFacet.Of("jurisdiction", "地区", forms, f => f.Owner.Jurisdiction),
        SearchFacet.Of("organisation", "单位", forms, f => f.Owner.Name),
        SearchFacet.Of("kind", "类型", forms, f => SearchIndexFiles.KindLabel(f.IsSelfEvaluation)),
        SearchFacet.Of("grade", "评分等级", forms, f => f.Form.Fields.TextAt("grade") ?? string.Empty, Comparer<string>.Create((a, b) => Rank(a).CompareTo(Rank(b)))),
    ];

    private static int Rank(string grade) => Array.IndexOf(GradeOrder, grade) is var i and >= 0 ? i : GradeOrder.Length + (grade.Length == 0 ? 1 : 0);

    private static PageView Page(BuildContext context)
    {
        var globals = PageContext.Globals(context.Site.Settings, SitePaths.Search, "搜索", [new("首页", SitePaths.Home), new("搜索", SitePaths.Search)]);
        var page = (ScriptObject)globals["page"]!;
        page["head_extra"] = $"<script src=\"{Html.Escape(SitePaths.Link(SitePaths.Search, "assets/search.js"))}\" defer></script>";
        globals["years"] = context.Site.Years.Select(y => new ScriptObject { ["year"] = y, ["path"] = SitePaths.Year(y) }).ToList();
        return new PageView("layouts/search.sbn-html", globals, "search");
    }
}
