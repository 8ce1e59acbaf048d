using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Rendering;

/// <summary>
/// Notes for readers on a form's page: one per kind of finding that has a citizen-worded note, linked to its
/// explanation on the notes page. The form itself is shown as published.
/// </summary>
public static class FormNotes
{
    /// <summary>The page that explains every note.</summary>
    public const string PagePath = "notes/";

    public static List<ScriptObject> Build(IEnumerable<Diagnostic> findings, RuleSet? rules = null)
    {
        rules ??= RuleSet.Default;
        // Rules that share one citizen wording (PD0101, PD0102) make one note, linked to the first rule's explanation.
        return [.. findings
            .Select(d => rules.Find(d.Code))
            .OfType<Rule>()
            .Where(r => r.CitizenNote is not null)
            .GroupBy(r => r.CitizenNote!, StringComparer.Ordinal)
            .Select(g => (Rule: g.OrderBy(r => r.Code, StringComparer.Ordinal).First(), Count: g.Count()))
            .OrderBy(r => r.Rule.Code, StringComparer.Ordinal)
            .Select(r => new ScriptObject
            {
                ["code"] = r.Rule.Code,
                ["text"] = Html.Escape(r.Rule.CitizenNote),
                ["count"] = r.Count,
                ["path"] = PagePath,
                ["anchor"] = r.Rule.Code.ToLowerInvariant(),
            })];
    }
}
