namespace PerfDisclosure.Core.Scoring;

/// <summary>
/// The scoring rules of a self-evaluation (自评) layout, read from <c>templates/scoring/&lt;id&gt;.yaml</c>:
/// the total of 分值, the grade thresholds and the rounding. Where the fund table keeps its figures is the layout's
/// to say, by roles (<see cref="Layouts.ExecutionBlock"/>).
/// </summary>
/// <param name="TotalWeight">What the 分值 of a form add up to (100).</param>
/// <param name="Grades">评分等级 from the highest threshold down: a total score at or above <c>Min</c> gets <c>Grade</c>.</param>
/// <param name="RoundingByOrganisation">Organisations that round differently from the jurisdiction.</param>
public sealed record ScoringRules(
    string Id,
    decimal TotalWeight,
    IReadOnlyList<GradeThreshold> Grades,
    Rounding Rounding,
    IReadOnlyDictionary<string, Rounding> RoundingByOrganisation)
{
    /// <summary>The rules as they apply to one organisation's forms.</summary>
    public ScoringRules For(string organisation) =>
        RoundingByOrganisation.TryGetValue(organisation, out var rounding) ? this with { Rounding = rounding } : this;

    /// <summary>The grade a total score earns, or null when no threshold matches.</summary>
    public string? GradeFor(decimal totalScore) => Grades.FirstOrDefault(g => totalScore >= g.Min)?.Grade;
}

/// <summary>评分等级 <paramref name="Grade"/> from <paramref name="Min"/> points.</summary>
public sealed record GradeThreshold(string Grade, decimal Min);
