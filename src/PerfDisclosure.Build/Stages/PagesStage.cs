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

        // A form's page is keyed by its inputs, not its view: a one-form change builds one view, not every form's.
        var keys = cache.Keeps ? new Caching.FormPageInputs.Keys(site, Pdf.PdfStage.WillPrint(context.Options)) : null;
        var inputs = new Caching.FormPageInputs?[site.Forms.Count];
        Parallel.For(0, site.Forms.Count, Parallelism.PerCore, i =>
        {
            var entry = site.Forms[i];
            if (organisations.Contains(entry.Owner.Id))
            {
                // The search index reads the page now, while it is in memory, not back from the disk later.
                inputs[i] = keys?.Of(entry);
                var page = cache.Write(writer, entry.Path + "index.html", inputs[i], () => renderer.Form(entry), renderer);
                context.Search?.Add(i, page);
            }
        });

        // Listing pages by the inputs of the forms they list, so an unchanged organisation's views are not built either.
        var byForm = new Dictionary<FormEntry, Caching.FormPageInputs?>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < site.Forms.Count; i++)
        {
            byForm[site.Forms[i]] = inputs[i];
        }

        Caching.ListingInputs? Listing(string path, IEnumerable<FormEntry> forms) => keys is null ? null : Caching.ListingInputs.Of(path, forms.Select(f => byForm[f]));
        Parallel.ForEach(site.Organisations.Where(o => organisations.Contains(o.Id)), Parallelism.PerCore, organisation =>
        {
            var path = SitePaths.Organisation(organisation.Id);
            cache.Write(writer, path + "index.html", Listing(path, site.ByOrganisation[organisation.Id]), () => renderer.OrganisationPage(organisation.Id), renderer);
            foreach (var year in site.ByOrganisation[organisation.Id].Select(f => f.Form.Year).Distinct())
            {
                var yearPath = SitePaths.OrganisationYear(organisation.Id, year);
                cache.Write(writer, yearPath + "index.html", Listing(yearPath, site.FormsOf(organisation.Id, year)), () => renderer.OrganisationYearPage(organisation.Id, year), renderer);
            }
        });
    }

    /// <summary>Home, year and free pages: they list every form.</summary>
    public void RunGlobal(BuildContext context)
    {
        var (site, renderer, writer, cache) = (context.Site, context.Renderer, context.Writer, context.Cache);
        cache.Write(writer, "index.html", renderer.HomePage(), renderer);
        cache.Write(writer, SitePaths.Compare + "index.html", renderer.ComparePage(), renderer);
        foreach (var year in site.Years)
        {
            cache.Write(writer, SitePaths.Year(year) + "index.html", renderer.YearPage(year), renderer);
        }

        foreach (var page in site.Content.Pages)
        {
            cache.Write(writer, SitePaths.Page(page.Slug) + "index.html", renderer.MarkdownPage(page), renderer);
        }
    }
}
