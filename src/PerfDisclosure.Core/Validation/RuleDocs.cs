using System.Text;
using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation;

/// <summary>Writes docs/validation-codes.md from the rules themselves, so the page cannot drift from the code.</summary>
public static class RuleDocs
{
    private static readonly (string Prefix, string Title)[] Families =
    [
        ("PD00", "Schema (reported while loading)"),
        ("PD01", "Indicator framework"),
        ("PD02", "Values"),
        ("PD03", "Funds"),
        ("PD04", "Self-evaluation scoring"),
        ("PD05", "Across files"),
        ("PD06", "Classified projects"),
        ("PD07", "Files and identifiers (reported while loading)"),
        ("PD08", "Outputs (reported while building)"),
        ("PD09", "Templates (reported while rendering)"),
        ("PD10", "Import (reported by import, at the cell of the source)"),
    ];

    public static string Markdown(RuleSet rules)
    {
        var md = new StringBuilder();
        md.Append("# Validation codes\n\n");
        md.Append("<!-- Generated from src/PerfDisclosure.Core/Validation/Rules by RuleDocsTests; do not edit by hand.\n");
        md.Append("     Regenerate: UPDATE_DOCS=1 dotnet test tests/PerfDisclosure.Core.Tests --filter RuleDocsTests -->\n\n");
        md.Append("`check` prints each finding as `file:line:column: severity CODE: message`. A code never changes meaning;\n");
        md.Append("a retired code is not reused. `PDxxyy`: xx is the family below. Errors stop `build`; warnings stop it only with `--strict`.\n");
        md.Append("A finding with a note for readers is also shown on the form's page (\"note on the site\").\n\n");
        md.Append("| code | severity | what it finds |\n|---|---|---|\n");
        foreach (var rule in rules.Rules)
        {
            md.Append($"| [{rule.Code}](#{rule.Code.ToLowerInvariant()}) | {Name(rule.Severity)} | {rule.TitleEn} |\n");
        }

        foreach (var (prefix, title) in Families)
        {
            var family = rules.Rules.Where(r => r.Code.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            if (family.Count == 0)
            {
                continue;
            }

            md.Append($"\n## {title}\n");
            foreach (var rule in family)
            {
                md.Append($"\n### {rule.Code}\n\n");
                md.Append($"**{Name(rule.Severity)}** — {rule.TitleEn}. {rule.Title}。\n\n");
                if (rule.CitizenNote is { } note)
                {
                    md.Append($"Note on the site: {note}\n\n");
                }

                var example = rule.Example;
                md.Append($"Triggers it (layout `{example.Layout}`):\n\n```yaml\n{example.Trigger.TrimEnd('\n')}\n```\n\n");
                md.Append($"Fixed:\n\n```yaml\n{example.Fix.TrimEnd('\n')}\n```\n");
            }
        }

        return md.ToString();
    }

    public static string Name(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
