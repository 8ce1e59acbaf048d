using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Build.Site;

/// <summary>
/// A project's target form (绩效目标申报表) and its self-evaluation (绩效自评表) of the same year: published by the
/// same organisation, and the same project by its code when both forms print one, else by its name (spacing and
/// punctuation aside, <see cref="FieldDefinition.Loose"/>).
/// </summary>
public static class Companions
{
    /// <summary>Per form id, the forms of the other kind that are the same project and year; forms with none are left out.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<FormEntry>> Match(IEnumerable<FormEntry> forms)
    {
        var result = new Dictionary<string, IReadOnlyList<FormEntry>>(StringComparer.Ordinal);
        foreach (var group in forms.GroupBy(f => (f.Owner.Id, f.Form.Year)))
        {
            var list = group.ToList();
            foreach (var form in list)
            {
                var matches = list.Where(other => other.IsSelfEvaluation != form.IsSelfEvaluation && SameProject(form, other)).ToList();
                if (matches.Count > 0)
                {
                    result[form.Form.Id] = matches;
                }
            }
        }

        return result;
    }

    /// <summary>Per form id, the same organisation's forms of the same kind and project in other years, newest first.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<FormEntry>> OtherYears(IEnumerable<FormEntry> forms)
    {
        var result = new Dictionary<string, IReadOnlyList<FormEntry>>(StringComparer.Ordinal);
        foreach (var group in forms.GroupBy(f => (f.Owner.Id, f.IsSelfEvaluation)))
        {
            var list = group.ToList();
            foreach (var form in list)
            {
                var years = list.Where(other => other.Form.Year != form.Form.Year && SameProject(form, other)).OrderByDescending(o => o.Form.Year).ToList();
                if (years.Count > 0)
                {
                    result[form.Form.Id] = years;
                }
            }
        }

        return result;
    }

    public static bool SameProject(FormEntry a, FormEntry b) =>
        !string.IsNullOrWhiteSpace(a.ProjectCode) && !string.IsNullOrWhiteSpace(b.ProjectCode)
            ? FieldDefinition.Loose(a.ProjectCode) == FieldDefinition.Loose(b.ProjectCode)
            : FieldDefinition.Loose(a.Form.ProjectName) == FieldDefinition.Loose(b.Form.ProjectName);
}
