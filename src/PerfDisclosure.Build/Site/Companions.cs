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
        foreach (var group in forms.Select(Project.Of).GroupBy(p => (p.Entry.Owner.Id, p.Entry.Form.Year)))
        {
            var list = group.ToList();
            foreach (var form in list)
            {
                var matches = list.Where(other => other.Entry.IsSelfEvaluation != form.Entry.IsSelfEvaluation && form.Same(other)).Select(p => p.Entry).ToList();
                if (matches.Count > 0)
                {
                    result[form.Entry.Form.Id] = matches;
                }
            }
        }

        return result;
    }

    /// <summary>Per form id, the same organisation's forms of the same kind and project in other years, newest first.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<FormEntry>> OtherYears(IEnumerable<FormEntry> forms)
    {
        var result = new Dictionary<string, IReadOnlyList<FormEntry>>(StringComparer.Ordinal);
        foreach (var group in forms.Select(Project.Of).GroupBy(p => (p.Entry.Owner.Id, p.Entry.IsSelfEvaluation)))
        {
            var list = group.ToList();
            foreach (var form in list)
            {
                var years = list.Where(other => other.Entry.Form.Year != form.Entry.Form.Year && form.Same(other)).Select(p => p.Entry).OrderByDescending(o => o.Form.Year).ToList();
                if (years.Count > 0)
                {
                    result[form.Entry.Form.Id] = years;
                }
            }
        }

        return result;
    }

    /// <summary>A form with its project code and name made loose once, not once per comparison (a group compares every pair).</summary>
    private sealed record Project(FormEntry Entry, string? Code, string Name)
    {
        public static Project Of(FormEntry entry) =>
            new(entry, string.IsNullOrWhiteSpace(entry.ProjectCode) ? null : FieldDefinition.Loose(entry.ProjectCode), FieldDefinition.Loose(entry.Form.ProjectName));

        public bool Same(Project other) => Code is not null && other.Code is not null ? Code == other.Code : Name == other.Name;
    }
}
