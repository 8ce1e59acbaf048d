using PerfDisclosure.Build.Loading;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Forms;

namespace PerfDisclosure.Build.Validation;

/// <summary>Runs the validation rules over loaded content; the diagnostics of loading come first.</summary>
public static class ContentValidator
{
    public static IReadOnlyList<Diagnostic> Validate(LoadedContent content)
    {
        var diagnostics = new DiagnosticBag();
        foreach (var diagnostic in content.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        CheckReferences(content, diagnostics);
        return diagnostics.ToList();
    }

    /// <summary>Every organisation a form names exists, and no two forms claim the same id.</summary>
    private static void CheckReferences(LoadedContent content, DiagnosticBag diagnostics)
    {
        foreach (var form in content.Forms)
        {
            foreach (var value in Organisations(form.Fields))
            {
                if (!content.Organisations.ContainsKey(value.Id))
                {
                    var suggestion = Suggestions.Closest(value.Id, content.Organisations.Keys);
                    diagnostics.Error("PD0501", value.Where, $"引用了不存在的机构“{value.Id}”", $"Unknown organisation '{value.Id}'", suggestion is null ? $"add content/organisations/{value.Id}.yaml" : $"did you mean '{suggestion}'?");
                }
            }
        }

        foreach (var group in content.Forms.GroupBy(f => f.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            foreach (var form in group.Skip(1))
            {
                diagnostics.Error("PD0502", form.Where, $"表单标识 {form.Id} 与 {group.First().File} 重复", $"Form id {form.Id} is also used by {group.First().File}");
            }
        }
    }

    private static IEnumerable<OrganisationValue> Organisations(FieldSet fields)
    {
        foreach (var key in fields.Keys)
        {
            switch (fields[key])
            {
                case OrganisationValue o:
                    yield return o;
                    break;
                case GroupValue g:
                    foreach (var inner in Organisations(g.Fields))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }
}
