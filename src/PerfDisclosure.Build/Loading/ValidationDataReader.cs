using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Frameworks;
using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Scoring;
using PerfDisclosure.Core.Validation.Rules.Schema;
using YamlDotNet.RepresentationModel;

namespace PerfDisclosure.Build.Loading;

/// <summary>
/// Reads the frameworks (<c>frameworks/*.yaml</c>) and scoring rules (<c>scoring/*.yaml</c>) of the theme, which a
/// site overrides file by file; reports PD0011 at the node for a bad file or a layout naming one that is missing.
/// </summary>
public static class ValidationDataReader
{
    private static readonly string Code = SchemaRules.BadValidationData.Code;

    public static ValidationData Read(ThemeFiles theme, IEnumerable<LayoutDefinition> layouts, DiagnosticBag diagnostics)
    {
        var raw = new Dictionary<string, (IndicatorFramework Framework, string? Extends, ThemeFile File)>(StringComparer.Ordinal);
        foreach (var file in theme.List("frameworks/", ".yaml").Select(n => theme.Find(n)!))
        {
            if (Guard(diagnostics, () => ReadFramework(file, diagnostics)) is { } read)
            {
                raw[read.Framework.Id] = (read.Framework, read.Extends, file);
            }
        }

        var frameworks = raw.ToDictionary(r => r.Key, r => Resolve(r.Key, raw, diagnostics, 0), StringComparer.Ordinal);
        var scoring = new Dictionary<string, ScoringRules>(StringComparer.Ordinal);
        foreach (var file in theme.List("scoring/", ".yaml").Select(n => theme.Find(n)!))
        {
            if (Guard(diagnostics, () => ReadScoring(file, diagnostics)) is { } rules)
            {
                scoring[rules.Id] = rules;
            }
        }

        foreach (var layout in layouts)
        {
            if (!frameworks.ContainsKey(layout.Framework))
            {
                diagnostics.Report(SchemaRules.BadValidationData, Where(theme, layout), $"版式 {layout.Id} 引用的指标体系“{layout.Framework}”不存在", $"Layout {layout.Id} names framework '{layout.Framework}', which does not exist", $"add templates/frameworks/{layout.Framework}.yaml");
            }

            if (layout.Scoring is { } id && !scoring.ContainsKey(id))
            {
                diagnostics.Report(SchemaRules.BadValidationData, Where(theme, layout), $"版式 {layout.Id} 引用的评分规则“{id}”不存在", $"Layout {layout.Id} names scoring rules '{id}', which do not exist", $"add templates/scoring/{id}.yaml");
            }
        }

        return new ValidationData(frameworks, scoring);
    }

    private static SourceSpan Where(ThemeFiles theme, LayoutDefinition layout) =>
        SourceSpan.FileOnly(theme.Find($"layouts/forms/{layout.Id}.yaml")?.DisplayPath ?? $"layouts/forms/{layout.Id}.yaml");

    private static (IndicatorFramework Framework, string? Extends)? ReadFramework(ThemeFile file, DiagnosticBag diagnostics)
    {
        var reader = new NodeReader(file.DisplayPath, diagnostics);
        if (reader.Mapping(Yaml.Parse(file.DisplayPath, file.ReadText()), "framework") is not { } root)
        {
            diagnostics.Report(SchemaRules.BadValidationData, SourceSpan.FileOnly(file.DisplayPath), "指标体系文件为空", "The framework file is empty");
            return null;
        }

        var levels = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (reader.Mapping(LayoutReader.Child(root, "levels"), "levels") is { } levelNodes)
        {
            foreach (var (key, _, value) in reader.Entries(levelNodes))
            {
                levels[key] = Texts(reader, value, "levels." + key);
            }
        }

        var hints = new List<WordingHint>();
        foreach (var node in reader.Sequence(LayoutReader.Child(root, "hints"), "hints")?.Children ?? [])
        {
            if (reader.Mapping(node, "hint") is { } hint)
            {
                hints.Add(new WordingHint(Texts(reader, LayoutReader.Child(hint, "words"), "words"), Texts(reader, LayoutReader.Child(hint, "level2"), "level2")));
            }
        }

        var id = reader.Text(LayoutReader.Child(root, "id"), "id") ?? Path.GetFileNameWithoutExtension(file.Name);
        var skeleton = LayoutReader.Child(root, "skeleton") is null ? null : Texts(reader, LayoutReader.Child(root, "skeleton"), "skeleton");
        var framework = new IndicatorFramework(id, Texts(reader, LayoutReader.Child(root, "markers"), "markers"), levels, hints, skeleton);
        return (framework, reader.Text(LayoutReader.Child(root, "extends"), "extends"));
    }

    /// <summary>A framework with the levels, markers and hints of the one it extends added to its own.</summary>
    private static IndicatorFramework Resolve(string id, IReadOnlyDictionary<string, (IndicatorFramework Framework, string? Extends, ThemeFile File)> raw, DiagnosticBag diagnostics, int depth)
    {
        var (framework, extends, file) = raw[id];
        if (extends is null)
        {
            return framework;
        }

        if (!raw.ContainsKey(extends) || depth > 8)
        {
            diagnostics.Report(SchemaRules.BadValidationData, SourceSpan.FileOnly(file.DisplayPath), $"指标体系 {id} 扩展的“{extends}”不存在或循环引用", $"Framework {id} extends '{extends}', which does not exist or loops");
            return framework;
        }

        var parent = Resolve(extends, raw, diagnostics, depth + 1);
        var levels = parent.Levels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        foreach (var (name, level2) in framework.Levels)
        {
            levels[name] = [.. (levels.GetValueOrDefault(name) ?? []).Concat(level2).Distinct(StringComparer.Ordinal)];
        }

        return new IndicatorFramework(id, [.. parent.Markers.Union(framework.Markers)], levels, [.. parent.Hints, .. framework.Hints], framework.Skeleton ?? parent.Skeleton);
    }

    private static ScoringRules? ReadScoring(ThemeFile file, DiagnosticBag diagnostics)
    {
        var reader = new NodeReader(file.DisplayPath, diagnostics);
        if (reader.Mapping(Yaml.Parse(file.DisplayPath, file.ReadText()), "scoring") is not { } root)
        {
            diagnostics.Report(SchemaRules.BadValidationData, SourceSpan.FileOnly(file.DisplayPath), "评分规则文件为空", "The scoring file is empty");
            return null;
        }

        string Required(YamlMappingNode mapping, string key)
        {
            var text = reader.Text(LayoutReader.Child(mapping, key), key);
            if (text is null)
            {
                diagnostics.Report(SchemaRules.BadValidationData, reader.At(mapping), $"评分规则缺少 {key}", $"The scoring rules lack '{key}'");
            }

            return text ?? string.Empty;
        }

        var grades = new List<GradeThreshold>();
        foreach (var node in reader.Sequence(LayoutReader.Child(root, "grades"), "grades")?.Children ?? [])
        {
            if (reader.Mapping(node, "grade") is { } grade)
            {
                grades.Add(new GradeThreshold(Required(grade, "grade"), reader.Number(LayoutReader.Child(grade, "min"), "min") ?? 0m));
            }
        }

        var byOrganisation = new Dictionary<string, Rounding>(StringComparer.Ordinal);
        if (reader.Mapping(LayoutReader.Child(root, "organisations"), "organisations") is { } organisations)
        {
            foreach (var (key, _, value) in reader.Entries(organisations))
            {
                if (reader.Mapping(value, key) is { } settings && ReadRounding(reader, LayoutReader.Child(settings, "rounding")) is { } rounding)
                {
                    byOrganisation[key] = rounding;
                }
            }
        }

        var columns = reader.Mapping(LayoutReader.Child(root, "columns"), "columns");
        if (columns is null)
        {
            diagnostics.Report(SchemaRules.BadValidationData, reader.At(root), "评分规则缺少 columns", "The scoring rules lack 'columns'");
            return null;
        }

        return new ScoringRules(
            Required(root, "id"),
            reader.Number(LayoutReader.Child(root, "total_weight"), "total_weight") ?? 100m,
            [.. grades.OrderByDescending(g => g.Min)],
            ReadRounding(reader, LayoutReader.Child(root, "rounding")) ?? Rounding.HalfUp2,
            Texts(reader, LayoutReader.Child(root, "fund_rows"), "fund_rows"),
            Required(root, "execution_row"),
            new FundColumns(Required(columns, "budget"), Required(columns, "spent"), Required(columns, "rate"), Required(columns, "weight"), Required(columns, "score")),
            byOrganisation);
    }

    private static Rounding? ReadRounding(NodeReader reader, YamlNode? node)
    {
        if (reader.Mapping(node, "rounding") is not { } mapping)
        {
            return null;
        }

        var modeText = reader.Text(LayoutReader.Child(mapping, "mode"), "mode") ?? "half-up";
        if (!Enum.TryParse<RoundingMode>(modeText.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var mode))
        {
            reader.Diagnostics.Report(SchemaRules.BadValidationData, reader.At(mapping), $"未知的舍入方式 {modeText}", $"Unknown rounding mode '{modeText}'", "use half-up, truncate or half-even");
        }

        return new Rounding(reader.Integer(LayoutReader.Child(mapping, "decimals"), "decimals") ?? 2, mode);
    }

    private static List<string> Texts(NodeReader reader, YamlNode? node, string what) =>
        reader.Sequence(node, what)?.Children.Select(c => reader.Text(c, what)).OfType<string>().ToList() ?? [];

    private static T? Guard<T>(DiagnosticBag diagnostics, Func<T?> read)
    {
        try
        {
            return read();
        }
        catch (ContentException e)
        {
            diagnostics.Add(e.Diagnostic);
            return default;
        }
    }
}
