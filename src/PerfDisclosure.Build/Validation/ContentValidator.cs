using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation;
using PerfDisclosure.Core.Validation.Rules.Markdown;

namespace PerfDisclosure.Build.Validation;

/// <summary>
/// Runs the validation rules (src/PerfDisclosure.Core/Validation/Rules) over loaded content, with the frameworks and
/// scoring rules of the theme; the diagnostics of loading come first.
/// </summary>
public static class ContentValidator
{
    /// <summary>Top-level folders of the site that are not organisations (SitePaths, the notes page, assets).</summary>
    private static readonly string[] ReservedFolders =
        [.. new[] { SitePaths.Search, SitePaths.Data, SitePaths.Compare, SitePaths.Organisations, SitePaths.Year(0), SitePaths.Page("x"), FormNotes.PagePath, "assets/" }.Select(p => p[..p.IndexOf('/')])];

    /// <summary>Validates with the built-in theme's frameworks and scoring rules.</summary>
    public static IReadOnlyList<Diagnostic> Validate(LoadedContent content) => Validate(content, new ThemeFiles(null));

    /// <param name="memory">What the last validation of this process found (<c>serve</c>): unchanged forms are not checked again.</param>
    public static IReadOnlyList<Diagnostic> Validate(LoadedContent content, ThemeFiles theme, RuleSet? rules = null, ValidationMemory? memory = null)
    {
        rules ??= RuleSet.Default;
        memory?.Begin(theme, rules);
        var diagnostics = new DiagnosticBag();
        foreach (var diagnostic in content.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        var scored = content.Forms.Select(f => content.Layouts.GetValueOrDefault(f.LayoutId)?.Scoring).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var data = ValidationDataReader.Read(theme, content.Layouts.Values, diagnostics, [.. content.Organisations.Keys], scored);
        var forms = content.Forms
            .Where(f => content.Layouts.ContainsKey(f.LayoutId))
            .Select(f =>
            {
                var layout = content.Layouts[f.LayoutId];
                var scoring = layout.Scoring is { } id && data.Scoring.TryGetValue(id, out var s) ? s.For(f.Owner) : null;
                return new FormContext(f, layout, data.Frameworks.GetValueOrDefault(layout.Framework), scoring);
            })
            .ToList();

        Parallel.ForEach(forms, Parallelism.PerCore, form =>
        {
            var findings = memory?.Recall(form.Form);
            if (findings is null)
            {
                findings = [.. rules.Rules.SelectMany(r => r.Check(form))];
                memory?.Keep(form.Form, findings);
            }

            foreach (var finding in findings)
            {
                diagnostics.Add(finding);
            }
        });

        // Pages are no form, but their Markdown meets the same renderer and so the same limits.
        if (rules.Find(MarkdownRules.OverLimit.Code) is MarkdownOverLimit markdown)
        {
            foreach (var finding in content.Pages.SelectMany(p => markdown.CheckText(p.Markdown, p.Where, p.Slug)))
            {
                diagnostics.Add(finding);
            }
        }

        var corpus = new CorpusContext(forms, content.Organisations, ReservedFolders);
        foreach (var finding in rules.Rules.SelectMany(r => r.CheckAll(corpus)))
        {
            diagnostics.Add(finding);
        }

        return diagnostics.ToList();
    }
}
