using PerfDisclosure.Build.Sharding;
using PerfDisclosure.Build.Site;

namespace PerfDisclosure.Build.Stages;

/// <summary>Renders every HTML page: forms (in parallel), home, organisations, years and free pages.</summary>
public sealed class PagesStage : IShardedStage
{
    public string Name => "pages";

    public void Run(BuildContext context)
    {
        RunShard(context, context.Site.ByOrganisation.Keys.ToHashSet(StringComparer.Ordinal));
        RunGlobal(context);
    }

    /// <summary>The forms of these organisations and their organisation and organisation-year pages.</summary>
    public void RunShard(BuildContext context, IReadOnlySet<string> organisations)
    {
        var (site, renderer, writer, cache) = (context.Site, context.Renderer, context.Writer, context.Cache);
        Parallel.For(0, site.Forms.Count, Parallelism.PerCore, i =>
        {
            var entry = site.Forms[i];
            if (organisations.Contains(entry.Owner.Id))
            {
                // The search index reads the page now, while it is in memory, not back from the disk later.
                var page = cache.WriteText(writer, entry.Path + "index.html", [entry], () => renderer.Form(entry));
                context.Search?.Add(i, page);
            }
        });
        foreach (var organisation in site.Organisations.Where(o => organisations.Contains(o.Id)))
        {
            cache.WriteText(writer, SitePaths.Organisation(organisation.Id) + "index.html", site.ByOrganisation[organisation.Id], () => renderer.OrganisationPage(organisation.Id));
            foreach (var year in site.ByOrganisation[organisation.Id].Select(f => f.Form.Year).Distinct())
            {
                cache.WriteText(writer, SitePaths.OrganisationYear(organisation.Id, year) + "index.html", site.FormsOf(organisation.Id, year), () => renderer.OrganisationYearPage(organisation.Id, year));
            }
        }
    }

    /// <summary>Home, year and free pages: they list every form.</summary>
    public void RunGlobal(BuildContext context)
    {
        var (site, renderer, writer, cache) = (context.Site, context.Renderer, context.Writer, context.Cache);
        cache.WriteText(writer, "index.html", site.Forms, renderer.HomePage);
        foreach (var year in site.Years)
        {
            cache.WriteText(writer, SitePaths.Year(year) + "index.html", site.Forms.Where(f => f.Form.Year == year), () => renderer.YearPage(year));
        }

        foreach (var page in site.Content.Pages)
        {
            cache.WriteText(writer, SitePaths.Page(page.Slug) + "index.html", [], () => renderer.MarkdownPage(page));
        }
    }
}
