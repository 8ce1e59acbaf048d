using PerfDisclosure.Core.Frameworks;

namespace PerfDisclosure.Build.Importing;

/// <summary>
/// The 一级/二级 names of a layout's framework, as a form prints them (a leading + or *, a form's own mark, is
/// ignored, and so is a weight printed in the name where the framework declares one, <c>weight_in_label</c>), and its wording hints: what the indicator placer compares printed cells with.
/// </summary>
public sealed class FrameworkNames(IndicatorFramework? framework)
{
    private readonly IReadOnlyList<(string Level1, string Level2)> skeleton = [.. framework?.SkeletonRows() ?? []];
    private readonly HashSet<string> level1 = [.. framework?.SkeletonRows().Select(s => s.Level1) ?? []];
    private readonly HashSet<string> level2 = [.. framework?.SkeletonRows().Select(s => s.Level2) ?? []];

    public bool IsLevel1(string text) => level1.Contains(Plain(text));

    public bool IsLevel2(string text) => level2.Contains(Plain(text));

    /// <summary>The one 一级指标 the framework lists this 二级指标 under, or null.</summary>
    public string? ParentOf(string level2Name)
    {
        var parents = skeleton.Where(s => s.Level2 == Plain(level2Name)).Select(s => s.Level1).Distinct().ToList();
        return parents.Count == 1 ? parents[0] : null;
    }

    /// <summary>Whether the framework's levels list this 二级指标 under this 一级指标 (成本指标 under 产出指标, though its skeleton makes 成本指标 a 一级指标).</summary>
    public bool IsUnder(string level1Name, string level2Name) => framework?.Levels.GetValueOrDefault(Plain(level1Name))?.Contains(Plain(level2Name)) == true;

    /// <summary>Whether two printed names are the same framework name (产出指标(60分) and 产出指标).</summary>
    public bool IsSame(string a, string b) => Plain(a) == Plain(b);

    /// <summary>Whether the framework's wording hints say this 三级指标 belongs under another 二级指标 (PD0103).</summary>
    public bool Contradicts(string level2, string level3) => framework?.Contradiction(Plain(level2), level3) is not null;

    /// <summary>The name as the framework lists it: a weight the framework says forms print in it (产出指标(60分)) left out.</summary>
    private string Plain(string text) => (framework?.Plain(Labels.Normalise(text)) ?? Labels.Normalise(text)).TrimStart('+', '*');
}
