using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Stages;
using PerfDisclosure.Core.Forms;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Pdf;

/// <summary>
/// 年度项目绩效目标汇总表: the HTML that the compilation of one organisation and year is printed from, a cover with
/// contents (<c>layouts/compilation</c>), then every form in its own layout template, each starting a page.
/// </summary>
public static class CompilationDocument
{
    /// <summary>The compilation's title, after the kind of forms it holds.</summary>
    public static string Title(IReadOnlyList<FormEntry> forms, int year) =>
        forms.All(f => f.IsSelfEvaluation) ? $"{year}年度项目绩效自评汇总表"
        : forms.Any(f => f.IsSelfEvaluation) ? $"{year}年度项目绩效汇总表"
        : $"{year}年度项目绩效目标汇总表";

    public static string Render(BuildContext context, Organisation organisation, int year, IReadOnlyList<FormEntry> forms)
    {
        var site = context.Site;
        var path = SitePaths.OrganisationYear(organisation.Id, year);
        var title = Title(forms, year);
        var globals = PageContext.Globals(site.Settings, path, $"{organisation.Name} {title}", [new("首页", SitePaths.Home), new(organisation.Name, SitePaths.Organisation(organisation.Id)), new($"{year}年度", path)]);
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
        var globals = PageContext.Globals(context.Site.Settings, path, entry.Form.ProjectName, []);
        var form = FormView.Build(entry, context.Site);
        form["pdf"] = string.Empty;
        globals["form"] = form;
        return context.Templates.Render($"layouts/forms/{entry.Layout.Template}.sbn-html", globals, entry.Form.Id);
    }
}
