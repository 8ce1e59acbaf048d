using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Stages;
using PerfDisclosure.Core.Diagnostics;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Search;

/// <summary>
/// The search index and the search page (site/search/). What is searched is the main text of each form page as
/// rendered (<see cref="FormTexts"/>): exactly what a reader sees, whatever templates the site uses. The pages
/// stage reads it as it writes each page; pages it did not write (a merge copies them from the shards) are read
/// back from the staging folder.
/// </summary>
public sealed class SearchStage : IOutputStage
{
    private static readonly string[] GradeOrder = ["优", "良", "中", "差"];

    public string Name => "search";

    public void Run(BuildContext context)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var forms = context.Site.Forms;
        var documents = new SearchDocument[forms.Count];
        var texts = context.FormTexts;
        Parallel.For(0, forms.Count, i =>
        {
            var text = texts[i] ?? texts.Read(i, Path.Combine(context.Writer.Root, forms[i].Path, "index.html"));
            if (text.Length == 0)
            {
                context.Report(new Diagnostic("PD0501", Severity.Warning, SourceSpan.FileOnly(forms[i].Form.File), $"表单页面没有 <main> 内容，搜索找不到它：{forms[i].Path}", $"The form's page has no <main> content, so search cannot find it: {forms[i].Path}"));
            }

            documents[i] = new SearchDocument(i, forms[i], text);
        });

        var extracted = clock.Elapsed;
        var index = InvertedIndex.Build(documents);
        var indexed = clock.Elapsed;
        SearchIndexFiles.Write(context.Writer, documents, index, Facets(documents));
        context.Log.WriteLine($"search: extract {extracted.TotalMilliseconds:0} ms, index {(indexed - extracted).TotalMilliseconds:0} ms, write {(clock.Elapsed - indexed).TotalMilliseconds:0} ms");
        // The page lists no form, only the years of its filter.
        context.Cache.WriteText(context.Writer, SitePaths.Search + "index.html", [], () => Page(context), string.Join(',', context.Site.Years));
    }

    public static IReadOnlyList<SearchFacet> Facets(IReadOnlyList<SearchDocument> documents) =>
    [
        SearchFacet.Of("year", "年度", documents, d => d.Entry.Form.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Comparer<string>.Create((a, b) => string.CompareOrdinal(b, a))),
        SearchFacet.Of("jurisdiction", "地区", documents, d => d.Entry.Owner.Jurisdiction),
        SearchFacet.Of("organisation", "单位", documents, d => d.Entry.Owner.Name),
        SearchFacet.Of("kind", "类型", documents, d => SearchIndexFiles.KindLabel(d.Entry.IsSelfEvaluation)),
        SearchFacet.Of("grade", "评分等级", documents, d => d.Entry.Form.Fields.TextAt("grade") ?? string.Empty, Comparer<string>.Create((a, b) => Rank(a).CompareTo(Rank(b)))),
    ];

    private static int Rank(string grade) => Array.IndexOf(GradeOrder, grade) is var i and >= 0 ? i : GradeOrder.Length + (grade.Length == 0 ? 1 : 0);

    private static string Page(BuildContext context)
    {
        var globals = PageContext.Globals(context.Site.Settings, SitePaths.Search, "搜索", [new("首页", SitePaths.Home), new("搜索", SitePaths.Search)]);
        var page = (ScriptObject)globals["page"]!;
        page["head_extra"] = $"<script src=\"{Html.Escape(SitePaths.Link(SitePaths.Search, "assets/search.js"))}\" defer></script>";
        globals["years"] = context.Site.Years.Select(y => new ScriptObject { ["year"] = y, ["path"] = SitePaths.Year(y) }).ToList();
        return context.Renderer.Wrap("layouts/search.sbn-html", globals, "search");
    }
}
