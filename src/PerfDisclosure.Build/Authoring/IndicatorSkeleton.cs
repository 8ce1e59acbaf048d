using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation.Rules.Schema;

namespace PerfDisclosure.Build.Authoring;

/// <summary>
/// The 一级/二级指标 rows a new form starts with, from the layout's indicator framework (指标体系,
/// <c>frameworks/&lt;id&gt;.yaml</c>, its <c>skeleton</c>): the names validation accepts are the names a form is scaffolded with.
/// </summary>
public static class IndicatorSkeleton
{
    public static IReadOnlyList<(string Level1, string Level2)> Load(ThemeFiles theme, string framework)
    {
        var diagnostics = new DiagnosticBag();
        var frameworks = ValidationDataReader.Read(theme, [], diagnostics).Frameworks;
        if (diagnostics.ToList().FirstOrDefault(d => d.IsError) is { } error)
        {
            throw new ContentException(error);
        }

        var name = $"frameworks/{framework}.yaml";
        if (!frameworks.TryGetValue(framework, out var found) || found.Skeleton is null)
        {
            var where = SourceSpan.FileOnly(theme.Find(name)?.DisplayPath ?? name);
            throw new ContentException(new Diagnostic(SchemaRules.BadValidationData.Code, Severity.Error, where, $"指标体系 {framework} 没有 skeleton（新表单的一级指标）", $"Framework '{framework}' has no skeleton (the level-1 indicators a new form starts with)", new("添加 skeleton: [产出指标, …]", "add skeleton: [产出指标, …]")));
        }

        return [.. found.SkeletonRows()];
    }
}
