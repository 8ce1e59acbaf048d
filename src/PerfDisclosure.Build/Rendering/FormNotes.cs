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
        return [.. findings
            .GroupBy(d => d.Code, StringComparer.Ordinal)
            .Select(g => (Rule: rules.Find(g.Key), Count: g.Count()))
            .Where(r => r.Rule?.CitizenNote is not null)
            .OrderBy(r => r.Rule!.Code, StringComparer.Ordinal)
            .Select(r => new ScriptObject
            {
                ["code"] = r.Rule!.Code,
                ["text"] = Html.Escape(r.Rule.CitizenNote),
                ["count"] = r.Count,
                ["path"] = PagePath,
                ["anchor"] = r.Rule.Code.ToLowerInvariant(),
            })];
    }
}
