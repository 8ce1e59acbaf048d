namespace PerfDisclosure.Core.Validation.Rules.Markdown;

/// <summary>The Markdown rules, one instance each: the validator checks forms with them and pages with <see cref="MarkdownOverLimit.CheckText"/>.</summary>
public static class MarkdownRules
{
    public static MarkdownOverLimit OverLimit { get; } = new();
}
