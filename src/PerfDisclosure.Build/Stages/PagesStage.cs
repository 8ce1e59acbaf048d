using PerfDisclosure.Build.Site;

namespace PerfDisclosure.Build.Stages;

/// <summary>Renders every HTML page: forms (in parallel), home, organisations, years and free pages.</summary>
public sealed class PagesStage : IOutputStage
{
    public string Name => "pages";

    public void Run(BuildContext context)
    {
        var (site, renderer, writer) = (context.Site, context.Renderer, context.Writer);
        Parallel.ForEach(site.Forms, entry => writer.WriteText(entry.Path + "index.html", renderer.Form(entry)));
        writer.WriteText("index.html", renderer.HomePage());
        foreach (var organisation in site.Organisations)
        {
            writer.WriteText(SitePaths.Organisation(organisation.Id) + "index.html", renderer.OrganisationPage(organisation.Id));
            foreach (var year in site.ByOrganisation[organisation.Id].Select(f => f.Form.Year).Distinct())
            {
                writer.WriteText(SitePaths.OrganisationYear(organisation.Id, year) + "index.html", renderer.OrganisationYearPage(organisation.Id, year));
            }
        }

        foreach (var year in site.Years)
        {
            writer.WriteText(SitePaths.Year(year) + "index.html", renderer.YearPage(year));
        }

        foreach (var page in site.Content.Pages)
        {
            writer.WriteText(SitePaths.Page(page.Slug) + "index.html", renderer.MarkdownPage(page));
        }
    }
}
