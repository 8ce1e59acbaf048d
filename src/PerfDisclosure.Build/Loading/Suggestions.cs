namespace PerfDisclosure.Build.Loading;

/// <summary>"Did you mean …" for a mistyped key: the closest known name within a small edit distance.</summary>
public static class Suggestions
{
    /// <summary>The nearest of <paramref name="known"/> (<see cref="Core.Validation.Suggestions"/>), or null when none is close.</summary>
    public static string? Closest(string typed, IEnumerable<string> known) => Core.Validation.Suggestions.Closest(typed, known);
}
