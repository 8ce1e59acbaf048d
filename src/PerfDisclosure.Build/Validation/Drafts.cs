using PerfDisclosure.Build.Loading;
using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Validation;

/// <summary>
/// Draft forms (<c>draft: true</c>, what <c>new</c> writes): every finding in a draft file is marked
/// <see cref="Diagnostic.Draft"/>, so it is listed as a draft's and never stops a build; a draft is left out of the
/// site unless drafts are asked for (<c>build --drafts</c>, <c>serve</c>), and left out even then while it has errors
/// (serve shows them on the draft's own page instead).
/// </summary>
public static class Drafts
{
    public static (LoadedContent Content, IReadOnlyList<Diagnostic> Diagnostics) Apply(LoadedContent content, IReadOnlyList<Diagnostic> diagnostics, bool include)
    {
        if (content.Drafts.Count == 0)
        {
            return (content, diagnostics);
        }

        var marked = diagnostics.Select(d => content.Drafts.Contains(d.Where.File) ? d with { Draft = true } : d).ToList();
        var broken = marked.Where(d => d.Draft && d.Severity == Severity.Error).Select(d => d.Where.File).ToHashSet(StringComparer.Ordinal);
        var forms = content.Forms.Where(f => !f.Draft || (include && !broken.Contains(f.File))).ToList();
        return (content with { Forms = forms }, marked);
    }
}
