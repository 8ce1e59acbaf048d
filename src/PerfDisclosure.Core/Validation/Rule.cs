using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation;

/// <summary>
/// One validation rule: it owns its stable code, severity, messages, citizen note and documented example,
/// so docs/validation-codes.md is generated from the rules and cannot drift.
/// </summary>
public abstract class Rule
{
    /// <summary>Stable code, <c>PDxxyy</c>: xx is the family (00 schema, 01 framework, 02 values, 03 funds, 04 scoring, 05 across files, 06 classified).</summary>
    public abstract string Code { get; }

    public abstract Severity Severity { get; }

    /// <summary>One line saying what the rule finds, in Chinese.</summary>
    public abstract string Title { get; }

    public abstract string TitleEn { get; }

    /// <summary>A note for citizens on the form's page, or null when readers need none (e.g. a file that never gets published).</summary>
    public virtual string? CitizenNote => null;

    /// <summary>Example YAML that triggers the rule, and the same content fixed.</summary>
    public abstract RuleExample Example { get; }

    /// <summary>Findings in one form.</summary>
    public virtual IEnumerable<Diagnostic> Check(FormContext form) => [];

    /// <summary>Findings across all forms (duplicates, the same project twice …).</summary>
    public virtual IEnumerable<Diagnostic> CheckAll(CorpusContext corpus) => [];

    /// <summary>A finding of this rule: the one way a diagnostic gets its code, so a code is typed once, where its rule is defined.</summary>
    /// <param name="severity">Only for a rule whose severity depends on an option (PD0801 is an error with --require-pdf).</param>
    public Diagnostic Report(SourceSpan where, string message, string messageEn, SuggestedFix? fix = null, Severity? severity = null) =>
        new(Code, severity ?? Severity, where, message, messageEn, fix);
}

/// <summary>
/// A documented example. <paramref name="Layout"/> is the layout the snippets are written for; each snippet
/// replaces the top-level keys of the same name in a minimal valid form of that layout.
/// </summary>
/// <param name="Kind">What the snippets are: a form (default), or a file the test cannot merge into a form.</param>
public sealed record RuleExample(string Layout, string Trigger, string Fix, ExampleKind Kind = ExampleKind.Form);

public enum ExampleKind
{
    /// <summary>Snippets of one form file.</summary>
    Form,

    /// <summary>The trigger needs a second form or a theme file; tested by hand-written tests.</summary>
    Other,
}
