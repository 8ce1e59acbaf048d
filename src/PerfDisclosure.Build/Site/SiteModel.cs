using PerfDisclosure.Build.Loading;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Forms;

namespace PerfDisclosure.Build.Site;

/// <summary>The site's structure: forms placed under their organisations and years, in a stable order.</summary>
public sealed class SiteModel
{
    private readonly ILookup<string, Diagnostic> findingsByFile;
    private readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<FormEntry>>> companions;
    private readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<FormEntry>>> otherYears;

    private SiteModel(LoadedContent content, IReadOnlyList<FormEntry> forms, IReadOnlyList<Diagnostic> findings)
    {
        Content = content;
        companions = new(() => Site.Companions.Match(forms));
        otherYears = new(() => Site.Companions.OtherYears(forms));
        findingsByFile = findings.ToLookup(d => d.Where.File, StringComparer.Ordinal);
        Forms = forms;
        ByOrganisation = forms.GroupBy(f => f.Owner.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<FormEntry>)[.. g], StringComparer.Ordinal);
        Years = [.. forms.Select(f => f.Form.Year).Distinct().OrderDescending()];
        Organisations = [.. content.Organisations.Values.Where(o => ByOrganisation.ContainsKey(o.Id)).OrderBy(o => o.Jurisdiction, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal)];
    }

    public LoadedContent Content { get; }

    public SiteSettings Settings => Content.Site;

    /// <summary>The words a reader sees that the build writes itself (templates/strings.yaml).</summary>
    public Theme.ThemeStrings Strings => Content.Strings;

    /// <summary>Every publishable form, by owner, then newest year first, then project name.</summary>
    public IReadOnlyList<FormEntry> Forms { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<FormEntry>> ByOrganisation { get; }

    /// <summary>Organisations that own at least one form.</summary>
    public IReadOnlyList<Organisation> Organisations { get; }

    public IReadOnlyList<int> Years { get; }

    /// <summary>Places each loaded form; a form whose layout or owner is unknown is left out (loading reported it).</summary>
    /// <param name="findings">What validation found; each form's page shows notes for readers from it.</param>
    public static SiteModel Build(LoadedContent content, IReadOnlyList<Diagnostic>? findings = null)
    {
        var forms = content.Forms
            .Where(f => content.Layouts.ContainsKey(f.LayoutId) && content.Organisations.ContainsKey(f.Owner))
            .Select(f => new FormEntry(f, content.Layouts[f.LayoutId], content.Organisations[f.Owner]) { Scoring = ScoringOf(content, f) })
            .OrderBy(e => e.Owner.Id, StringComparer.Ordinal)
            .ThenByDescending(e => e.Form.Year)
            .ThenBy(e => e.Form.ProjectName, StringComparer.Ordinal)
            .ThenBy(e => e.Form.Id, StringComparer.Ordinal)
            .ToList();
        return new SiteModel(content, forms, findings ?? []);
    }

    private static Core.Scoring.ScoringRules? ScoringOf(LoadedContent content, Form form) =>
        content.Layouts[form.LayoutId].Scoring is { } id && content.Scoring.TryGetValue(id, out var rules) ? rules.For(form.Owner) : null;

    /// <summary>The target form and the self-evaluation of the same project and year (<see cref="Site.Companions"/>).</summary>
    public IReadOnlyList<FormEntry> CompanionsOf(FormEntry entry) => companions.Value.GetValueOrDefault(entry.Form.Id) ?? [];

    /// <summary>The same organisation's forms of the same kind and project in other years, newest first.</summary>
    public IReadOnlyList<FormEntry> OtherYearsOf(FormEntry entry) => otherYears.Value.GetValueOrDefault(entry.Form.Id) ?? [];

    public IEnumerable<FormEntry> FormsOf(string organisation, int year) =>
        ByOrganisation.TryGetValue(organisation, out var forms) ? forms.Where(f => f.Form.Year == year) : [];

    /// <summary>The validation findings in a form's file, in file order.</summary>
    public IEnumerable<Diagnostic> FindingsOf(Form form) => findingsByFile[form.File];

    public string OrganisationName(string id) => Content.Organisations.TryGetValue(id, out var o) ? o.Name : id;
}
