using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Stages;
using PerfDisclosure.Core.Forms;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Pdf;

/// <summary>
/// The compilation (汇总表): the HTML that the compilation of one organisation and year is printed from, a cover with
/// contents (<c>layouts/compilation</c>), then every form in its own layout template, each starting a page.
/// </summary>
public static class CompilationDocument
{
    /// <summary>The compilation's title, after the kind of forms it holds.</summary>
    public static string Title(Theme.ThemeStrings strings, IReadOnlyList<FormEntry> forms, int year) =>
        strings.Format(
            forms.All(f => f.IsSelfEvaluation) ? "compilation.self_evaluation" : forms.Any(f => f.IsSelfEvaluation) ? "compilation.mixed" : "compilation.target",
            ("year", year));

    public static string Render(BuildContext context, Organisation organisation, int year, IReadOnlyList<FormEntry> forms)
    {
        var site = context.Site;
        var path = SitePaths.OrganisationYear(organisation.Id, year);
        var title = Title(site.Strings, forms, year);
        var globals = PageContext.Globals(site, path, $"{organisation.Name} {title}", [PageContext.Home(site), new(organisation.Name, SitePaths.Organisation(organisation.Id)), new(site.Strings.Format("year", ("year", year)), path)]);
        globals["organisation"] = FormView.Organisation(organisation);
        globals["year"] = year;
        globals["title"] = Html.Escape(title);
        globals["forms"] = forms.Select((entry, i) => new ScriptObject
        {
            ["anchor"] = $"form-{i + 1}",
            ["project_name"] = Html.Escape(entry.Form.ProjectName),
            ["title"] = Html.Escape(entry.Layout.Title),
            ["landscape"] = entry.Layout.Landscape,
            ["content"] = FormContent(context, entry, path),
        }).ToList();
        return context.Renderer.Wrap("layouts/compilation.sbn-html", globals, path);
    }

    /// <summary>The form's own layout template, without the page around it, as if the form sat at <paramref name="path"/>.</summary>
    private static string FormContent(BuildContext context, FormEntry entry, string path)
    {
        var globals = PageContext.Globals(context.Site, path, entry.Form.ProjectName, []);
        var form = FormView.Build(entry, context.Site);
        form["pdf"] = string.Empty;
        globals["form"] = form;
        return context.Templates.Render($"layouts/forms/{entry.Layout.Template}.sbn-html", globals, entry.Form.Id);
    }
}
