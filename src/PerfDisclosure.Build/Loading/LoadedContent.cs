using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Build.Loading;

/// <summary>Everything read from content/ and the theme's layout definitions, with what loading found wrong.</summary>
public sealed record LoadedContent(
    SiteSettings Site,
    IReadOnlyDictionary<string, LayoutDefinition> Layouts,
    IReadOnlyDictionary<string, Organisation> Organisations,
    IReadOnlyList<Form> Forms,
    IReadOnlyList<Page> Pages,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>
    /// The SHA-256 (hex) of each form file's bytes as the loader read them, by the form's <see cref="Form.File"/>:
    /// what the render cache keys pages by, taken from the very bytes the pages are made of.
    /// </summary>
    public IReadOnlyDictionary<string, string> FormHashes { get; init; } = new Dictionary<string, string>();

    /// <summary>The form files (display paths) that say <c>draft: true</c>, whether or not they could be read into a form.</summary>
    public IReadOnlySet<string> Drafts { get; init; } = new HashSet<string>();

    /// <summary>The words a reader sees that the build writes itself: the theme's, with the site's overrides.</summary>
    public Theme.ThemeStrings Strings { get; init; } = Theme.ThemeStrings.Builtin;

    /// <summary>The theme's scoring rules by id (templates/scoring): what readers are told about grades and 执行率.</summary>
    public IReadOnlyDictionary<string, Core.Scoring.ScoringRules> Scoring { get; init; } = new Dictionary<string, Core.Scoring.ScoringRules>();
}
