using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace PerfDisclosure.Build.Authoring;

/// <summary>
/// The 一级/二级指标 rows of an indicator framework (指标体系), read from the theme's <c>scaffolds/&lt;framework&gt;.yaml</c>,
/// so a jurisdiction's framework is data, not code.
/// </summary>
public static class IndicatorSkeleton
{
    public static IReadOnlyList<(string Level1, string Level2)> Load(ThemeFiles theme, string framework)
    {
        var name = $"scaffolds/{framework}.yaml";
        var file = theme.Find(name) ?? throw new ContentException(new Diagnostic("PD0010", Severity.Error, SourceSpan.FileOnly(name), $"找不到指标体系骨架 {name}", $"No indicator skeleton '{name}' in the theme"));
        var diagnostics = new DiagnosticBag();
        var reader = new NodeReader(file.DisplayPath, diagnostics);
        var rows = new List<(string, string)>();
        var root = reader.Mapping(Yaml.Parse(file.DisplayPath, file.ReadText()), "skeleton");
        foreach (var node in root is null ? [] : reader.Sequence(LayoutReader.Child(root, "levels"), "levels")?.Children ?? [])
        {
            if (reader.Mapping(node, "level") is not { } level || reader.Text(LayoutReader.Child(level, "level1"), "level1") is not { } level1)
            {
                continue;
            }

            foreach (var child in reader.Sequence(LayoutReader.Child(level, "level2"), "level2")?.Children ?? [])
            {
                if (reader.Text(child, "level2") is { } level2)
                {
                    rows.Add((level1, level2));
                }
            }
        }

        if (diagnostics.ToList().FirstOrDefault(d => d.IsError) is { } error)
        {
            throw new ContentException(error);
        }

        return rows;
    }
}
