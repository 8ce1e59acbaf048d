using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Loading;

/// <summary>"Did you mean …" for a mistyped key: the closest known name within a small edit distance.</summary>
public static class Suggestions
{
    /// <summary>The nearest of <paramref name="known"/> (<see cref="Core.Validation.Suggestions"/>), or null when none is close.</summary>
    public static string? Closest(string typed, IEnumerable<string> known) => Core.Validation.Suggestions.Closest(typed, known);

    /// <inheritdoc cref="Core.Validation.Suggestions.DidYouMean"/>
    public static SuggestedFix? DidYouMean(string? nearest) => Core.Validation.Suggestions.DidYouMean(nearest);

    /// <inheritdoc cref="Core.Validation.Suggestions.OneOf"/>
    public static SuggestedFix OneOf(IEnumerable<string> allowed) => Core.Validation.Suggestions.OneOf(allowed);

    /// <inheritdoc cref="Core.Validation.Suggestions.Write"/>
    public static SuggestedFix Write(string yaml) => Core.Validation.Suggestions.Write(yaml);
}
