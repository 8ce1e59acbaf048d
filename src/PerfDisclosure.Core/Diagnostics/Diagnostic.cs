namespace PerfDisclosure.Core.Diagnostics;

/// <summary>One finding about the content, at its place, with a stable code.</summary>
/// <param name="Code">Stable identifier such as <c>PD0101</c>; documented in docs/validation-codes.md.</param>
/// <param name="Message">Chinese message, for publishers.</param>
/// <param name="MessageEn">English message (<c>--lang en</c>).</param>
/// <param name="Fix">A suggested fix, where one exists, in both languages.</param>
public sealed record Diagnostic(
    string Code,
    Severity Severity,
    SourceSpan Where,
    string Message,
    string MessageEn,
    SuggestedFix? Fix = null)
{
    /// <summary>
    /// A finding in a draft form (<c>draft: true</c>): listed, marked as a draft's in every format, and never an
    /// error that stops a build, whatever its severity.
    /// </summary>
    public bool Draft { get; init; }

    public bool IsError => Severity == Severity.Error && !Draft;

    public string MessageIn(string language) => MessageLanguage.In(language, Message, MessageEn);

    /// <summary>The fix in <paramref name="language"/>, or null when the finding has none.</summary>
    public string? FixIn(string language) => Fix?.In(language);
}
