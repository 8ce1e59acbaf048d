using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Frameworks;
using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Schemas;
using PerfDisclosure.Core.Scoring;
using PerfDisclosure.Core.Validation.Rules.Schema;

namespace PerfDisclosure.Build.Loading;

/// <summary>
/// Reads the frameworks (<c>frameworks/*.yaml</c>) and scoring rules (<c>scoring/*.yaml</c>) of the theme, which a
/// site overrides file by file; reports PD0011 at the node for a bad file or a layout naming one that is missing.
/// It checks the layouts' import patterns files (<c>import/*.yaml</c>, PD0012) too, so <c>check</c> finds their typos.
/// </summary>
public static class ValidationDataReader
{
    /// <param name="organisations">The content's organisation ids, which a site's own scoring file names in <c>organisations:</c>; null when no content is loaded.</param>
    /// <param name="scored">The scoring files (by id) that score a form of the content, whose organisations are checked; null: every one.</param>
    public static ValidationData Read(ThemeFiles theme, IEnumerable<LayoutDefinition> layouts, DiagnosticBag diagnostics, IReadOnlyCollection<string>? organisations = null, IReadOnlySet<string>? scored = null)
    {
        var raw = new Dictionary<string, RawFramework>(StringComparer.Ordinal);
        var frameworkShapes = true;
        foreach (var file in theme.List("frameworks/", ".yaml").Select(n => theme.Find(n)!))
        {
            if (Guard(diagnostics, () => ReadFramework(file, diagnostics)) is { } read)
            {
                raw[Path.GetFileNameWithoutExtension(file.Name)] = read; // found by its file name; an id that differs is reported
                frameworkShapes &= read.Clean;
            }
            else
            {
                frameworkShapes = false;
            }
        }

        var frameworks = raw.ToDictionary(r => r.Key, r => Resolve(r.Key, raw, diagnostics, 0), StringComparer.Ordinal);
        // Names across frameworks are compared once every framework file has its shape: a framework missing its levels would make the others' hints look wrong.
        foreach (var (id, read) in raw.Where(r => frameworkShapes && (r.Value.Extends is null || raw.ContainsKey(r.Value.Extends))))
        {
            FrameworkReferences(frameworks[id], [.. frameworks.Values.SelectMany(f => f.AllLevel2).Distinct(StringComparer.Ordinal)], read.Root, new NodeReader(read.File.DisplayPath, diagnostics));
            if (read.Extends is { } parent)
            {
                ExtendedLevels(id, frameworks[parent], read.Root, new NodeReader(read.File.DisplayPath, diagnostics));
            }
        }

        var scoring = new Dictionary<string, ScoringRules>(StringComparer.Ordinal);
        foreach (var file in theme.List("scoring/", ".yaml").Select(n => theme.Find(n)!))
        {
            if (Guard(diagnostics, () => ReadScoring(file, diagnostics)) is { } read)
            {
                scoring[Path.GetFileNameWithoutExtension(file.Name)] = read.Rules;
                ScoringOrganisations(read.Root, file, scored is null || scored.Contains(Path.GetFileNameWithoutExtension(file.Name)) ? organisations : null, diagnostics);
            }
        }

        foreach (var layout in layouts)
        {
            if (!frameworks.ContainsKey(layout.Framework))
            {
                var suggestion = Suggestions.Closest(layout.Framework, frameworks.Keys);
                diagnostics.Report(SchemaRules.BadValidationData, Where(theme, layout, "framework"), $"版式 {layout.Id} 引用的指标体系“{layout.Framework}”不存在", $"Layout {layout.Id} names framework '{layout.Framework}', which does not exist", Suggestions.DidYouMean(suggestion) ?? new($"新建 templates/frameworks/{layout.Framework}.yaml", $"add templates/frameworks/{layout.Framework}.yaml"));
            }

            if (layout.Scoring is { } named && scoring.TryGetValue(named, out var rules))
            {
                GradeValues(theme, layout, rules, diagnostics);
            }

            if (layout.Scoring is { } id && !scoring.ContainsKey(id))
            {
                var suggestion = Suggestions.Closest(id, scoring.Keys);
                diagnostics.Report(SchemaRules.BadValidationData, Where(theme, layout, "scoring"), $"版式 {layout.Id} 引用的评分规则“{id}”不存在", $"Layout {layout.Id} names scoring rules '{id}', which do not exist", Suggestions.DidYouMean(suggestion) ?? new($"新建 templates/scoring/{id}.yaml", $"add templates/scoring/{id}.yaml"));
            }
        }

        CheckImportFiles(theme, diagnostics);
        return new ValidationData(frameworks, scoring);
    }

    /// <summary>
    /// Each import patterns file (<c>import/&lt;layout&gt;.yaml</c>) has the shape of <see cref="ImportFile"/> and names a
    /// layout file (PD0012): a file, not a loaded layout, so a layout with an error of its own is that one error.
    /// </summary>
    private static void CheckImportFiles(ThemeFiles theme, DiagnosticBag diagnostics)
    {
        var ids = theme.List("layouts/forms/", ".yaml").Select(n => Path.GetFileNameWithoutExtension(n)).ToList();
        foreach (var file in theme.List("import/", ".yaml").Select(n => theme.Find(n)!))
        {
            var parsed = Guard(diagnostics, () => Yaml.Parse(file.DisplayPath, file.ReadText()));
            if (parsed is not null && !(parsed is YamlScalarNode scalar && Yaml.ScalarText(scalar) is null))
            {
                ShapeChecker.Check(ImportFile.Schema, file.DisplayPath, parsed, SchemaRules.BadImportFile, diagnostics);
            }

            var layout = Path.GetFileNameWithoutExtension(file.DisplayPath);
            if (!ids.Contains(layout, StringComparer.Ordinal))
            {
                var closest = Suggestions.Closest(layout, ids);
                diagnostics.Report(SchemaRules.BadImportFile, SourceSpan.FileOnly(file.DisplayPath), $"导入模式文件 {layout}.yaml 没有同名的版式", $"The import patterns file {layout}.yaml names no layout", Suggestions.DidYouMean(closest is null ? null : closest + ".yaml"));
            }
        }
    }

    /// <summary>The allowed values of a layout's grade field are grades of its scoring rules (PD0011 at the value): a misspelt one would be a grade no band gives.</summary>
    private static void GradeValues(ThemeFiles theme, LayoutDefinition layout, ScoringRules rules, DiagnosticBag diagnostics)
    {
        var names = rules.Grades.Select(g => g.Grade).ToList();
        if (names.Count == 0 || layout.PathOf(Core.Layouts.FieldRole.Grade) is not { } path || layout.Grades.All(names.Contains)
            || theme.Find($"layouts/forms/{layout.Id}.yaml") is not { } file || Guard(diagnostics, () => Yaml.Parse(file.DisplayPath, file.ReadText())) is not YamlMappingNode root)
        {
            return;
        }

        YamlMappingNode? field = root;
        foreach (var key in path.Split('.'))
        {
            field = (field is null ? null : LayoutReader.Child(field, "fields") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>()
                .FirstOrDefault(f => LayoutReader.Child(f, "key") is YamlScalarNode { Value: { } k } && k == key);
        }

        foreach (var node in (field is null ? null : LayoutReader.Child(field, "values") as YamlSequenceNode)?.Children.OfType<YamlScalarNode>() ?? [])
        {
            if (node.Value is { } value && !names.Contains(value))
            {
                var suggestion = Suggestions.Closest(value, names);
                diagnostics.Report(SchemaRules.BadValidationData, Yaml.At(file.DisplayPath, node), $"版式 {layout.Id} 的等级“{value}”不是评分规则 {rules.Id} 的等级", $"Layout {layout.Id} allows the grade '{value}', which is no grade of scoring rules {rules.Id}", Suggestions.DidYouMean(suggestion) ?? Suggestions.OneOf(names));
            }
        }
    }

    /// <summary>
    /// The organisations a site's own scoring file names are organisations of its content (PD0011 at the id): a typo
    /// would leave the organisation rounding like the others. Checked for a file that scores a form of the content;
    /// the built-in theme's files may name organisations a site reusing them does not have. An id close to none of the
    /// content's (no nearest one) is taken for an organisation of another site sharing the theme, not a typo: a theme
    /// copied to start a new site, or a corpus built with it, names organisations that site has not written yet.
    /// </summary>
    private static void ScoringOrganisations(YamlMappingNode root, ThemeFile file, IReadOnlyCollection<string>? organisations, DiagnosticBag diagnostics)
    {
        if (organisations is null || file.DisplayPath.StartsWith("builtin:", StringComparison.Ordinal) || LayoutReader.Child(root, "organisations") is not YamlMappingNode named)
        {
            return;
        }

        foreach (var key in named.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is { } id && !organisations.Contains(id)))
        {
            if (Suggestions.Closest(key.Value!, organisations) is not { } suggestion)
            {
                continue;
            }

            diagnostics.Report(SchemaRules.BadValidationData, Yaml.At(file.DisplayPath, key), $"评分规则 organisations 中的“{key.Value}”不是 content/organisations/ 中的单位", $"'{key.Value}' in the scoring rules' organisations is no organisation of content/organisations/", Suggestions.DidYouMean(suggestion));
        }
    }

    /// <summary>The value of the layout's <paramref name="key"/>, or its file when the key is absent (a default names what is missing).</summary>
    private static SourceSpan Where(ThemeFiles theme, LayoutDefinition layout, string key) =>
        layout.Places.TryGetValue(key, out var at) ? at : SourceSpan.FileOnly(theme.Find($"layouts/forms/{layout.Id}.yaml")?.DisplayPath ?? $"layouts/forms/{layout.Id}.yaml");

    /// <summary>A theme file's root after its shape check, and a reader that reports to the build only when the shape was clean (what the check found is said once).</summary>
    private static (YamlMappingNode Root, NodeReader Reader, bool Clean)? Parse(ThemeFile file, FileSchema schema, string empty, string emptyEn, DiagnosticBag diagnostics)
    {
        var parsed = Yaml.Parse(file.DisplayPath, file.ReadText());
        if (parsed is null || parsed is YamlScalarNode scalar && Yaml.ScalarText(scalar) is null)
        {
            diagnostics.Report(SchemaRules.BadValidationData, SourceSpan.FileOnly(file.DisplayPath), empty, emptyEn);
            return null;
        }

        var clean = ShapeChecker.Check(schema, file.DisplayPath, parsed, SchemaRules.BadValidationData, diagnostics);
        return parsed is YamlMappingNode root ? (root, new NodeReader(file.DisplayPath, clean ? diagnostics : new DiagnosticBag()), clean) : null;
    }

    /// <summary>A framework as its file says it, before its <c>extends</c> is resolved.</summary>
    private sealed record RawFramework(IndicatorFramework Framework, string? Extends, ThemeFile File, YamlMappingNode Root, bool Clean);

    private static RawFramework? ReadFramework(ThemeFile file, DiagnosticBag diagnostics)
    {
        if (Parse(file, FrameworkFile.Schema, "指标体系文件为空", "The framework file is empty", diagnostics) is not ({ } root, { } reader, var clean))
        {
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
        IdIsFileName(id, "指标体系", "framework", file, root, reader);
        var skeleton = LayoutReader.Child(root, "skeleton") is null ? null : Texts(reader, LayoutReader.Child(root, "skeleton"), "skeleton");
        var framework = new IndicatorFramework(id, Texts(reader, LayoutReader.Child(root, "markers"), "markers"), levels, hints, skeleton, WeightPattern(reader, LayoutReader.Child(root, "weight_in_label")))
        {
            Title = reader.Text(LayoutReader.Child(root, "title"), "title"),
        };
        return new RawFramework(framework, reader.Text(LayoutReader.Child(root, "extends"), "extends"), file, root, clean);
    }

    /// <summary>
    /// The skeleton names level-1 indicators of the framework (with what it extends), and the hints level-2 indicators of
    /// some framework: the Ministry's hints also serve the frameworks that extend it with a level-2 of their own.
    /// </summary>
    private static void FrameworkReferences(IndicatorFramework framework, IReadOnlyList<string> anyLevel2, YamlMappingNode root, NodeReader reader)
    {
        void Names(YamlNode? list, string what, IReadOnlyList<string> known, string levelZh, string levelEn)
        {
            foreach (var (node, i) in (list as YamlSequenceNode)?.Children.Select((n, i) => (n, i)) ?? [])
            {
                if (node is YamlScalarNode { Value: { } name } && !known.Contains(name))
                {
                    var suggestion = Suggestions.Closest(name, known);
                    reader.Diagnostics.Report(SchemaRules.BadValidationData, reader.At(node), $"{what}[{i}]“{name}”不是{levelZh}", $"'{what}[{i}]' names '{name}', which is not a {levelEn}", Suggestions.DidYouMean(suggestion) ?? Suggestions.OneOf(known));
                }
            }
        }

        Names(LayoutReader.Child(root, "skeleton"), "skeleton", [.. framework.Levels.Keys], $"指标体系 {framework.Id} 的一级指标", "level-1 name of framework " + framework.Id);
        foreach (var (hint, i) in (LayoutReader.Child(root, "hints") as YamlSequenceNode)?.Children.Select((n, i) => (n, i)) ?? [])
        {
            if (hint is YamlMappingNode mapping)
            {
                Names(LayoutReader.Child(mapping, "level2"), $"hints[{i}].level2", anyLevel2, $"指标体系 {framework.Id}（或扩展它的指标体系）的二级指标", $"level-2 name of framework {framework.Id} or of one extending it");
            }
        }
    }

    /// <summary>
    /// A framework that extends another adds level-2 names under the level-1 names of the one it extends (PD0011 at a
    /// name that is none of them): a misspelt level-1 would otherwise be a new level-1 no form uses. A framework with
    /// level-1 names of its own extends none.
    /// </summary>
    private static void ExtendedLevels(string id, IndicatorFramework parent, YamlMappingNode root, NodeReader reader)
    {
        foreach (var key in (LayoutReader.Child(root, "levels") as YamlMappingNode)?.Children.Keys.OfType<YamlScalarNode>() ?? [])
        {
            if (key.Value is { } name && !parent.Levels.ContainsKey(name))
            {
                var known = parent.Levels.Keys.ToList();
                var suggestion = Suggestions.Closest(name, known);
                reader.Diagnostics.Report(SchemaRules.BadValidationData, reader.At(key), $"指标体系 {id} 扩展 {parent.Id}，levels 中的“{name}”不是 {parent.Id} 的一级指标", $"Framework {id} extends {parent.Id}, and '{name}' in its levels is no level-1 name of {parent.Id}", Suggestions.DidYouMean(suggestion) ?? Suggestions.OneOf(known));
            }
        }
    }

    /// <summary>A framework's <c>weight_in_label</c>: a pattern that compiles, ends with <c>$</c> and has a group <c>weight</c>.</summary>
    private static System.Text.RegularExpressions.Regex? WeightPattern(NodeReader reader, YamlNode? node)
    {
        if (reader.Text(node, "weight_in_label") is not { } pattern)
        {
            return null;
        }

        try
        {
            var regex = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            if (pattern.EndsWith('$') && regex.GetGroupNames().Contains("weight"))
            {
                return regex;
            }
        }
        catch (ArgumentException)
        {
            // reported below
        }

        reader.Diagnostics.Report(SchemaRules.BadValidationData, reader.At(node!), $"weight_in_label 应为以 $ 结尾、含分组 (?<weight>…) 的正则表达式：{pattern}", $"weight_in_label must be a regular expression ending in $ with a group (?<weight>…): {pattern}", new(@"例如 [(（]\s*(?<weight>\d+(\.\d+)?)\s*分\s*[)）]$", @"e.g. [(（]\s*(?<weight>\d+(\.\d+)?)\s*分\s*[)）]$"));
        return null;
    }

    /// <summary>A framework with the levels, markers and hints of the one it extends added to its own.</summary>
    private static IndicatorFramework Resolve(string id, IReadOnlyDictionary<string, RawFramework> raw, DiagnosticBag diagnostics, int depth)
    {
        var (framework, extends, file, root, _) = raw[id];
        if (extends is null)
        {
            return framework;
        }

        if (!raw.ContainsKey(extends) || depth > 8)
        {
            var at = LayoutReader.Child(root, "extends") is { } node ? Yaml.At(file.DisplayPath, node) : SourceSpan.FileOnly(file.DisplayPath);
            var suggestion = Suggestions.Closest(extends, raw.Keys.Where(k => k != id));
            diagnostics.Report(SchemaRules.BadValidationData, at, $"指标体系 {id} 扩展的“{extends}”不存在或循环引用", $"Framework {id} extends '{extends}', which does not exist or loops", Suggestions.DidYouMean(suggestion));
            return framework;
        }

        var parent = Resolve(extends, raw, diagnostics, depth + 1);
        var levels = parent.Levels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        foreach (var (name, level2) in framework.Levels)
        {
            levels[name] = [.. (levels.GetValueOrDefault(name) ?? []).Concat(level2).Distinct(StringComparer.Ordinal)];
        }

        return new IndicatorFramework(id, [.. parent.Markers.Union(framework.Markers)], levels, [.. parent.Hints, .. framework.Hints], framework.Skeleton ?? parent.Skeleton, framework.WeightInLabel ?? parent.WeightInLabel)
        {
            Title = framework.Title ?? parent.Title,
        };
    }

    private static (ScoringRules Rules, YamlMappingNode Root, ThemeFile File)? ReadScoring(ThemeFile file, DiagnosticBag diagnostics)
    {
        if (Parse(file, ScoringFile.Schema, "评分规则文件为空", "The scoring file is empty", diagnostics) is not ({ } root, { } reader, _))
        {
            return null;
        }

        // The shape check has reported a required key that is missing.
        string Required(YamlMappingNode mapping, string key) => reader.Text(LayoutReader.Child(mapping, key), key) ?? string.Empty;

        var grades = new List<GradeThreshold>();
        foreach (var node in reader.Sequence(LayoutReader.Child(root, "grades"), "grades")?.Children ?? [])
        {
            if (reader.Mapping(node, "grades[]") is { } band)
            {
                grades.Add(new GradeThreshold(Required(band, "name"), reader.Number(LayoutReader.Child(band, "min"), "min") ?? 0m));
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

        IdIsFileName(Required(root, "id"), "评分规则", "scoring rules", file, root, reader);
        var rules = new ScoringRules(
            Required(root, "id"),
            reader.Number(LayoutReader.Child(root, "total_weight"), "total_weight") ?? 100m,
            [.. grades.OrderByDescending(g => g.Min)],
            ReadRounding(reader, LayoutReader.Child(root, "rounding")) ?? Rounding.HalfUp2,
            byOrganisation);
        return (rules, root, file);
    }

    /// <summary>A framework or scoring file is found by its file name (a layout names <c>framework: mof</c>, the file <c>mof.yaml</c>): its id is that name (PD0011 at the id).</summary>
    private static void IdIsFileName(string id, string whatZh, string whatEn, ThemeFile file, YamlMappingNode root, NodeReader reader)
    {
        var named = Path.GetFileNameWithoutExtension(file.Name);
        if (id.Length > 0 && id != named && LayoutReader.Child(root, "id") is { } node)
        {
            reader.Diagnostics.Report(SchemaRules.BadValidationData, reader.At(node), $"{whatZh} id“{id}”与文件名 {named}.yaml 不一致", $"The {whatEn} id '{id}' differs from its file name {named}.yaml", new($"改为 id: {named}，或把文件改名为 {id}.yaml", $"write id: {named}, or rename the file {id}.yaml"));
        }
    }

    private static Rounding? ReadRounding(NodeReader reader, YamlNode? node)
    {
        if (reader.Mapping(node, "rounding") is not { } mapping)
        {
            return null;
        }

        // The shape check has reported a mode not in the list.
        EnumNames.TryParse<RoundingMode>(reader.Text(LayoutReader.Child(mapping, "mode"), "mode") ?? EnumNames.Name(RoundingMode.HalfUp), out var mode);

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
