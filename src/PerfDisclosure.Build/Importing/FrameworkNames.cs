using PerfDisclosure.Core.Frameworks;

namespace PerfDisclosure.Build.Importing;

/// <summary>
/// The 一级/二级 names of a layout's framework, as a form prints them (a leading + or *, a form's own mark, is
/// ignored), and its wording hints: what the indicator placer compares printed cells with.
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

    /// <summary>Whether the framework's wording hints say this 三级指标 belongs under another 二级指标 (PD0103).</summary>
    public bool Contradicts(string level2, string level3) => framework?.Contradiction(Plain(level2), level3) is not null;

    private static string Plain(string text) => Labels.Normalise(text).TrimStart('+', '*');
}
