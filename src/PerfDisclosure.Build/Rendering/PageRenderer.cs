using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Rendering.Charts;
using PerfDisclosure.Build.Site;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Rendering;

/// <summary>
/// The view of each kind of page (<see cref="PageView"/>: its template and what it is given), and the rendering of a
/// view: its own template for the main content, then <c>layouts/base</c> around it.
/// </summary>
/// <param name="pdfLinks">Whether the build prints PDFs, so form and year pages link them.</param>
public sealed class PageRenderer(TemplateEngine templates, SiteModel site, bool pdfLinks = false)
{
    /// <summary>Every form's page: its layout's template (<c>form.template</c>), then what every layout shares.</summary>
    public const string FormPageTemplate = "layouts/form.sbn-html";

    public PageView Form(FormEntry entry)
    {
        var form = entry.Form;
        var strings = site.Strings;
        var globals = PageContext.Globals(
            site,
            entry.Path,
            FormTitle(strings, entry),
            [PageContext.Home(site), new(entry.Owner.Name, SitePaths.Organisation(entry.Owner.Id)), new(Year(form.Year), SitePaths.OrganisationYear(entry.Owner.Id, form.Year)), new(form.ProjectName, entry.Path)],
            description: strings.Format("title.form_description", ("organisation", entry.Owner.Name), ("year", form.Year), ("project", form.ProjectName), ("layout", entry.Layout.Title)),
            keywords: $"{form.ProjectName},{entry.Owner.Name},{entry.Layout.Title},{form.Year}",
            pubDate: entry.Published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ogType: "article");
        var view = FormView.Build(entry, site);
        view["pdf"] = pdfLinks ? Path.GetFileName(Pdf.PdfPaths.Form(entry)) : string.Empty;
        globals["form"] = view;
        return new PageView(FormPageTemplate, globals, form.Id);
    }

    public PageView HomePage()
    {
        var globals = PageContext.Globals(site, SitePaths.Home, site.Settings.Title, [PageContext.Home(site)]);
        globals["years"] = site.Years.Select(y => new ScriptObject
        {
            ["year"] = y,
            ["path"] = SitePaths.Year(y),
            ["count"] = site.Forms.Count(f => f.Form.Year == y),
            ["total"] = Html.TenThousandYuan(site.Forms.Where(f => f.Form.Year == y).Sum(f => f.AmountInYuan ?? 0m)),
        }).ToList();
        globals["organisations"] = site.Organisations.Select(o => OrganisationSummary(o.Id)).ToList();
        globals["pages"] = site.Content.Pages.Select(p => new ScriptObject { ["title"] = Html.Escape(p.Title), ["path"] = SitePaths.Page(p.Slug) }).ToList();
        globals["form_count"] = site.Forms.Count;
        globals["total"] = Html.TenThousandYuan(site.Forms.Sum(f => f.AmountInYuan ?? 0m));
        globals["jurisdictions"] = HomeSummary.Jurisdictions(site);
        globals["recent"] = RecentForms.Of(site).Take(HomeSummary.RecentCount).Select(Listing).ToList();
        return new PageView("layouts/home.sbn-html", globals, "index");
    }

    public PageView OrganisationPage(string organisation)
    {
        var name = site.OrganisationName(organisation);
        var path = SitePaths.Organisation(organisation);
        var globals = PageContext.Globals(site, path, name, [PageContext.Home(site), new(name, path)]);
        globals["organisation"] = OrganisationSummary(organisation);
        globals["recurring"] = Summaries.Recurring(site.Strings, site.ByOrganisation.GetValueOrDefault(organisation) ?? []);
        return new PageView("layouts/organisation.sbn-html", globals, path);
    }

    public PageView OrganisationYearPage(string organisation, int year)
    {
        var name = site.OrganisationName(organisation);
        var path = SitePaths.OrganisationYear(organisation, year);
        var globals = PageContext.Globals(site, path, site.Strings.Format("title.organisation_year", ("organisation", name), ("year", year)), [PageContext.Home(site), new(name, SitePaths.Organisation(organisation)), new(Year(year), path)]);
        var forms = site.FormsOf(organisation, year).ToList();
        globals["organisation"] = FormView.Organisation(site.Content.Organisations[organisation]);
        globals["year"] = year;
        globals["forms"] = forms.OrderByDescending(f => f.AmountInYuan).Select(Listing).ToList();
        globals["total"] = Html.TenThousandYuan(forms.Sum(f => f.AmountInYuan ?? 0m));
        globals["charts"] = Summaries.Spending(site.Strings, forms).Concat(Summaries.Scores(site.Strings, forms)).ToList();
        globals["workbook"] = Path.GetFileName(SitePaths.OrganisationYearWorkbook(organisation, year));
        globals["compilation_pdf"] = pdfLinks ? Path.GetFileName(Pdf.PdfPaths.Compilation(organisation, year)) : string.Empty;
        return new PageView("layouts/organisation-year.sbn-html", globals, path);
    }

    public PageView YearPage(int year)
    {
        var path = SitePaths.Year(year);
        var globals = PageContext.Globals(site, path, Year(year), [PageContext.Home(site), new(Year(year), path)]);
        var forms = site.Forms.Where(f => f.Form.Year == year).ToList();
        globals["year"] = year;
        globals["organisations"] = forms.GroupBy(f => f.Owner.Id, StringComparer.Ordinal).Select(g => new ScriptObject
        {
            ["name"] = Html.Escape(g.First().Owner.Name),
            ["path"] = SitePaths.OrganisationYear(g.Key, year),
            ["count"] = g.Count(),
            ["total"] = Html.TenThousandYuan(g.Sum(f => f.AmountInYuan ?? 0m)),
        }).ToList();
        globals["total"] = Html.TenThousandYuan(forms.Sum(f => f.AmountInYuan ?? 0m));
        return new PageView("layouts/year.sbn-html", globals, path);
    }

    /// <summary>
    /// Every self-evaluation of the site, newest year first and lowest 总分 first within a year (the order a reader
    /// without the sorting script gets), each with its project's target form of the same year when there is one.
    /// </summary>
    public PageView ComparePage()
    {
        var path = SitePaths.Compare;
        var title = site.Strings["citizens.compare_title"];
        var globals = PageContext.Globals(site, path, title, [PageContext.Home(site), new(title, path)], description: site.Strings["citizens.compare_description"]);
        var grades = FormEntry.GradeOrder(site.Forms).ToList();
        globals["forms"] = site.Forms.Where(f => f.IsSelfEvaluation)
            .OrderByDescending(f => f.Form.Year)
            .ThenBy(f => f.TotalScore ?? decimal.MaxValue)
            .ThenBy(f => f.Owner.Name, StringComparer.Ordinal)
            .ThenBy(f => f.Form.ProjectName, StringComparer.Ordinal)
            .Select(f =>
            {
                var row = Listing(f);
                row["jurisdiction"] = Html.Escape(f.Owner.Jurisdiction);
                row["owner_path"] = SitePaths.OrganisationYear(f.Owner.Id, f.Form.Year);
                row["grade_value"] = f.Grade is { } g && grades.IndexOf(g) is >= 0 and var at ? at.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
                row["rate"] = f.ExecutionRate is { } rate ? Html.FormatNumber(rate, "0.00") : string.Empty;
                row["execution_rate_value"] = HomeSummary.SortKey(f.ExecutionRate);
                row["targets"] = site.CompanionsOf(f).Select(c => new ScriptObject { ["path"] = c.Path, ["title"] = Html.Escape(c.Layout.Title) }).ToList();
                return row;
            }).ToList();
        globals["scorings"] = ScoreExplanation.All(site.Forms, site.Strings);
        return new PageView("layouts/compare.sbn-html", globals, path);
    }

    public PageView MarkdownPage(Page page)
    {
        var path = SitePaths.Page(page.Slug);
        var globals = PageContext.Globals(site, path, page.Title, [PageContext.Home(site), new(page.Title, path)]);
        globals["body"] = MarkdownRenderer.Page(page.Markdown);
        return new PageView("layouts/page.sbn-html", globals, page.Where.File);
    }

    /// <summary>A form's title on its page and in its PDF.</summary>
    public static string FormTitle(Theme.ThemeStrings strings, FormEntry entry) =>
        strings.Format("title.form", ("project", entry.Form.ProjectName), ("layout", entry.Layout.Title), ("year", entry.Form.Year));

    /// <summary>Renders a page template, then the base layout with the result as <c>content</c>.</summary>
    public string Render(PageView view)
    {
        // On a copy: the view stays what the cache keyed, and a view rendered twice renders the same.
        var globals = (ScriptObject)view.Globals.Clone(deep: false);
        globals["content"] = templates.Render(view.Template, globals, view.Subject);
        return templates.Render("layouts/base.sbn-html", globals, view.Subject);
    }

    /// <summary>Renders a template that is not a cached page (a PDF's compilation) the same way.</summary>
    public string Wrap(string template, ScriptObject globals, string subject) => Render(new PageView(template, globals, subject));

    private ScriptObject OrganisationSummary(string organisation)
    {
        var view = FormView.Organisation(site.Content.Organisations[organisation]);
        var forms = site.ByOrganisation.GetValueOrDefault(organisation) ?? [];
        view["count"] = forms.Count;
        view["years"] = forms.GroupBy(f => f.Form.Year).OrderByDescending(g => g.Key).Select(g => new ScriptObject
        {
            ["year"] = g.Key,
            ["path"] = SitePaths.OrganisationYear(organisation, g.Key),
            ["count"] = g.Count(),
            ["total"] = Html.TenThousandYuan(g.Sum(f => f.AmountInYuan ?? 0m)),
        }).ToList();
        return view;
    }

    private string Year(int year) => site.Strings.Format("year", ("year", year));

    private ScriptObject Listing(FormEntry entry) => new()
    {
        ["project_name"] = Html.Escape(entry.Form.ProjectName),
        ["path"] = entry.Path,
        ["kind_label"] = Html.Escape(site.Strings.Kind(entry.IsSelfEvaluation)),
        ["title"] = Html.Escape(entry.Layout.Title),
        ["amount"] = Html.TenThousandYuan(entry.AmountInYuan),
        ["amount_value"] = HomeSummary.SortKey(entry.AmountInYuan),
        ["score_value"] = HomeSummary.SortKey(entry.TotalScore),
        ["owner_name"] = Html.Escape(entry.Owner.Name),
        ["year"] = entry.Form.Year,
        ["updated"] = entry.Updated.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        [FormView.TotalScoreName] = entry.TotalScore is { } score ? Html.FormatNumber(score, "0.00") : string.Empty,
        [FormView.GradeName] = Html.Escape(entry.Grade ?? string.Empty),
    };
}
