using System.Text;
using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Reporting;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation;

namespace PerfDisclosure.Build.Authoring;

/// <summary>
/// What <c>serve</c> shows staff and never publishes: the panel of a form's findings it puts into the page it serves,
/// the site-wide findings page, the page documenting every code, and the page a failed build shows. Made from the
/// diagnostics of the last rebuild; the words are the theme's <c>staff.*</c> strings, the messages in the serve
/// language. Nothing here is written into the output folder, so <c>build</c> output never holds it.
/// </summary>
public sealed class StaffPages(string contentDir, ThemeStrings strings, string language)
{
    public const string FindingsPath = PreviewServer.Prefix + "findings";
    public const string CodesPath = PreviewServer.Prefix + "codes";
    public const string StylePath = PreviewServer.Prefix + "staff.css";

    /// <summary>Marks the panel in a served page (tests look for it: never in <c>build</c> output).</summary>
    public const string Marker = "data-perfdisclosure-staff";

    private readonly string forms = Path.GetFullPath(Path.Combine(contentDir, "forms")) + Path.DirectorySeparatorChar;

    /// <summary>The page folder (<c>owner/year/slug/</c>) a content file is shown on, or null for a file that is not a form.</summary>
    public string? PageOf(string file)
    {
        var full = Path.GetFullPath(file);
        return full.StartsWith(forms, StringComparison.Ordinal) && full.EndsWith(".yaml", StringComparison.Ordinal)
            ? full[forms.Length..^".yaml".Length].Replace(Path.DirectorySeparatorChar, '/') + "/"
            : null;
    }

    /// <summary>Whether the page served at <paramref name="path"/> shows a form of content/forms/ (a draft's too).</summary>
    public bool IsFormPage(string path)
    {
        var page = PageKey(path).TrimEnd('/');
        return page.Length > 0 && !page.Contains("..", StringComparison.Ordinal) && File.Exists(forms + page.Replace('/', Path.DirectorySeparatorChar) + ".yaml");
    }

    /// <summary>The findings shown on the page served at <paramref name="path"/> (<c>/owner/year/slug/</c>).</summary>
    public IReadOnlyList<Diagnostic> For(string path, IReadOnlyList<Diagnostic> all)
    {
        var page = PageKey(path);
        return [.. all.Where(d => PageOf(d.Where.File) == page)];
    }

    /// <summary>The staff panel for one page: its findings with their lines and a link to each code's documentation.</summary>
    public string Panel(IReadOnlyList<Diagnostic> mine, int total)
    {
        var html = new StringBuilder();
        html.Append($"<link rel=\"stylesheet\" href=\"{StylePath}\">\n<aside class=\"pd-staff\" {Marker}>\n");
        html.Append($"<h2>{Html.Escape(strings["staff.panel"])}</h2>\n");
        html.Append(mine.Count == 0 ? $"<p>{Html.Escape(strings["staff.none"])}</p>\n" : List(mine, withFile: false));
        html.Append($"<p><a href=\"{FindingsPath}\">{Html.Escape(strings.Format("staff.all", ("count", total)))}</a></p>\n</aside>\n");
        return html.ToString();
    }

    /// <summary>Every finding of the last rebuild, by file, each form's linked to its page.</summary>
    public string FindingsPage(IReadOnlyList<Diagnostic> all)
    {
        var body = new StringBuilder();
        body.Append($"<p>{Html.Escape(strings.Format("staff.summary", ("errors", all.Count(d => d.IsError)), ("warnings", all.Count(d => d.Severity == Severity.Warning)), ("total", all.Count)))}</p>\n");
        foreach (var file in all.GroupBy(d => d.Where.File).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var page = PageOf(file.Key);
            var title = page is null ? $"<code>{Html.Escape(file.Key)}</code>" : $"<a href=\"/{Html.Escape(page)}\"><code>{Html.Escape(file.Key)}</code></a>";
            body.Append($"<h2>{title}</h2>\n").Append(List([.. file], withFile: false));
        }

        return Document(strings["staff.findings"], body.ToString());
    }

    /// <summary>What a failed build shows on every page: each error once, with its place.</summary>
    public string ErrorPage(IReadOnlyList<Diagnostic> errors) =>
        Document(strings["staff.failed"], $"<p>{Html.Escape(strings["staff.failed_hint"])}</p>\n{List(errors, withFile: true)}");

    /// <summary>The page of a draft that has errors (it is not built): its findings, with their lines.</summary>
    public string DraftPage(IReadOnlyList<Diagnostic> mine) =>
        Document(strings["staff.draft_title"], $"<p>{Html.Escape(strings["staff.draft_hint"])}</p>\n<p><code>{Html.Escape(mine[0].Where.File)}</code></p>\n{List(mine, withFile: false)}");

    /// <summary>Every code: severity, what it finds, an example that triggers it and the fix (docs/validation-codes.md, offline).</summary>
    public string CodesPage(RuleSet rules)
    {
        var body = new StringBuilder();
        foreach (var rule in rules.Rules)
        {
            body.Append($"<section id=\"{rule.Code.ToLowerInvariant()}\">\n<h2>{rule.Code} {Html.Escape(SeverityName(rule.Severity, false))}</h2>\n");
            body.Append($"<p>{Html.Escape(rule.Title)}</p>\n<p lang=\"en\">{Html.Escape(rule.TitleEn)}</p>\n");
            body.Append($"<h3>{Html.Escape(strings["staff.example"])}</h3>\n<pre>{Html.Escape(rule.Example.Trigger)}</pre>\n");
            body.Append($"<h3>{Html.Escape(strings["staff.example_fixed"])}</h3>\n<pre>{Html.Escape(rule.Example.Fix)}</pre>\n</section>\n");
        }

        return Document(strings["staff.codes"], body.ToString());
    }

    /// <summary>The panel's look; a file, as the site's Content-Security-Policy (style-src 'self') allows no inline style.</summary>
    public static string Style => """
        .pd-staff { margin: 1rem; padding: .75rem 1rem; border: 3px dashed #b45309; background: #fffbeb; color: #1c1917; font: 15px/1.5 system-ui, sans-serif; }
        .pd-staff h2 { margin: 0 0 .5rem; font-size: 1.05rem; }
        .pd-staff ol, .pd-findings ol { margin: 0; padding-left: 1.5rem; }
        .pd-error { color: #b91c1c; } .pd-warning { color: #92400e; } .pd-draft { color: #6d28d9; } .pd-info { color: #1d4ed8; }
        .pd-findings { max-width: 60rem; margin: 1rem auto; font: 15px/1.5 system-ui, sans-serif; }
        .pd-findings pre { background: #f5f5f4; padding: .5rem; overflow: auto; }
        """;

    private string List(IReadOnlyList<Diagnostic> diagnostics, bool withFile)
    {
        var html = new StringBuilder("<ol>\n");
        foreach (var d in diagnostics.OrderBy(d => d.Where.File, StringComparer.Ordinal).ThenBy(d => d.Where.Line).ThenBy(d => d.Where.Column))
        {
            var place = withFile ? $"{d.Where}" : strings.Format("staff.at", ("line", d.Where.Line), ("column", d.Where.Column));
            var fix = d.Fix is null ? string.Empty : Html.Escape(strings.Format("contract.staff_fix", ("fix", d.FixIn(language)!)));
            html.Append($"<li class=\"{Css(d)}\"><strong>{Html.Escape(SeverityName(d.Severity, d.Draft))}</strong> <code>{Html.Escape(place)}</code> ");
            html.Append($"<a href=\"{CodesPath}#{d.Code.ToLowerInvariant()}\">{Html.Escape(d.Code)}</a> {Html.Escape(d.MessageIn(language))}{fix}</li>\n");
        }

        return html.Append("</ol>\n").ToString();
    }

    private string SeverityName(Severity severity, bool draft) => (draft ? strings["staff.draft"] + " " : string.Empty) + strings[$"staff.{DiagnosticWriter.Severity(severity)}"];

    private static string Css(Diagnostic d) => d.Draft ? "pd-draft" : $"pd-{DiagnosticWriter.Severity(d.Severity)}";

    private static string PageKey(string path)
    {
        var page = path.TrimStart('/');
        page = page.EndsWith("/index.html", StringComparison.Ordinal) ? page[..^"index.html".Length] : page;
        return page.EndsWith('/') ? page : page + "/";
    }

    private string Document(string title, string body) =>
        $"<!DOCTYPE html>\n<html lang=\"{(Core.Diagnostics.MessageLanguage.IsEnglish(language) ? "en" : "zh-CN")}\">\n<head><meta charset=\"utf-8\"><title>{Html.Escape(title)}</title>\n" +
        $"<link rel=\"stylesheet\" href=\"{StylePath}\"></head>\n<body>\n<main class=\"pd-findings\" {Marker}>\n<h1>{Html.Escape(title)}</h1>\n{body}</main>\n" +
        $"<script src=\"{PreviewServer.Prefix}live-reload.js\" defer></script>\n</body>\n</html>\n";
}
