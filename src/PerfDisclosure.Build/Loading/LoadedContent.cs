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
    IReadOnlyList<Diagnostic> Diagnostics);
