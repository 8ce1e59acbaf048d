using System.Runtime.CompilerServices;
using PerfDisclosure.Build.Caching;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Validation;

namespace PerfDisclosure.Build.Validation;

/// <summary>
/// What the per-form rules found in each form at the last validation of a long-running process (<c>serve</c>), so the
/// next one checks only the forms that changed. A rule's <see cref="Rule.Check"/> sees one form with its layout,
/// framework and scoring rules, all read from the form's file and the theme: a form object the parse memory gave
/// again (its file unchanged) has the same findings while the theme and the rules are the ones they were found with.
/// A changed theme or rule set forgets every entry; an entry goes with its form object once no build holds it. The
/// rules across forms (<see cref="Rule.CheckAll"/>) always run.
/// </summary>
public sealed class ValidationMemory
{
    private readonly ConditionalWeakTable<Form, IReadOnlyList<Diagnostic>> found = [];
    private (string Theme, RuleSet? Rules) basis = (string.Empty, null);
    private int checkedForms;
    private int reused;

    /// <summary>Forms checked by the per-form rules in the last validation.</summary>
    public int Checked => checkedForms;

    /// <summary>Forms whose findings the last validation took from memory.</summary>
    public int Reused => reused;

    /// <summary>Starts a validation: every entry is forgotten when the theme's files or the rules differ from the last one's.</summary>
    public void Begin(ThemeFiles theme, RuleSet rules)
    {
        var now = (BuildFingerprints.ThemeDigest(theme), rules);
        if (now != basis)
        {
            found.Clear();
            basis = now;
        }

        checkedForms = 0;
        reused = 0;
    }

    /// <summary>What the per-form rules found in <paramref name="form"/> last time, or null when it was not checked with this theme.</summary>
    public IReadOnlyList<Diagnostic>? Recall(Form form)
    {
        if (found.TryGetValue(form, out var findings))
        {
            Interlocked.Increment(ref reused);
            return findings;
        }

        return null;
    }

    /// <summary>Records what the per-form rules found in <paramref name="form"/>.</summary>
    public void Keep(Form form, IReadOnlyList<Diagnostic> findings)
    {
        found.AddOrUpdate(form, findings);
        Interlocked.Increment(ref checkedForms);
    }
}
