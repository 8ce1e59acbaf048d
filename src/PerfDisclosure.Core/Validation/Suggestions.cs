using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation;

/// <summary>The nearest valid value to a mistyped one (edit distance), for "did you mean" in findings and errors.</summary>
public static class Suggestions
{
    /// <summary>
    /// The words that end a finding's message with the nearest valid value, in Chinese and English
    /// ("，是否应为“产出指标”？", "; did you mean '产出指标'?"), or nothing when none is close.
    /// </summary>
    public static (string Zh, string En) Phrase(string? nearest) =>
        nearest is null ? (string.Empty, string.Empty) : ($"，是否应为“{nearest}”？", $"; did you mean '{nearest}'?");

    /// <summary>A fix that is one line of YAML to write (a key of the layout and the right value), led in each language.</summary>
    public static SuggestedFix Write(string yaml) => new($"改为 {yaml}", $"write {yaml}");

    /// <summary>A fix naming the nearest valid value, or null when none is close.</summary>
    public static SuggestedFix? DidYouMean(string? nearest) =>
        nearest is null ? null : new($"是否应为“{nearest}”？", $"did you mean '{nearest}'?");

    /// <summary>A fix listing the values allowed at the place, each quoted and separated as its language writes a list.</summary>
    public static SuggestedFix OneOf(IEnumerable<string> allowed)
    {
        var values = allowed.ToList();
        return new($"可用：{string.Join("、", values.Select(v => $"“{v}”"))}", $"one of: {string.Join(", ", values.Select(v => $"'{v}'"))}");
    }

    public static string? Closest(string typed, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(typed, candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return bestDistance <= Math.Max(2, typed.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
