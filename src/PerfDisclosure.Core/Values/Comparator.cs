namespace PerfDisclosure.Core.Values;

/// <summary>指标性质: how a target compares with its number.</summary>
public enum Comparator
{
    /// <summary>No comparator written: the number itself is the target.</summary>
    None,
    Equal,
    GreaterOrEqual,
    LessOrEqual,
    Greater,
    Less,

    /// <summary>约 …, … 左右.</summary>
    Approximately,
}

public static class ComparatorExtensions
{
    public static string Symbol(this Comparator comparator) => comparator switch
    {
        Comparator.Equal => "=",
        Comparator.GreaterOrEqual => "≥",
        Comparator.LessOrEqual => "≤",
        Comparator.Greater => ">",
        Comparator.Less => "<",
        Comparator.Approximately => "约",
        _ => string.Empty,
    };

    /// <summary>Whether <paramref name="actual"/> meets a target of <paramref name="target"/> under this comparator.</summary>
    public static bool IsMetBy(this Comparator comparator, decimal target, decimal actual) => comparator switch
    {
        Comparator.GreaterOrEqual => actual >= target,
        Comparator.LessOrEqual => actual <= target,
        Comparator.Greater => actual > target,
        Comparator.Less => actual < target,
        Comparator.Approximately => true,
        _ => actual == target,
    };
}
