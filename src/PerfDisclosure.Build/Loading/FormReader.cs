using System.Runtime.CompilerServices;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Validation.Rules.Schema;
using PerfDisclosure.Core.Values;

namespace PerfDisclosure.Build.Loading;

/// <summary>Reads one form file into the model, typed by its layout; reports schema problems at their node.</summary>
public static class FormReader
{
    // Parsed values are immutable: one per distinct published text.
    private static readonly SharedValues<ParsedValue> ParsedValues = new();

    private static readonly string[] CommonKeys = ["layout", "year", "classified", "indicators", "updated", "published", "draft"];
    private static readonly string[] LevelKeys = ["level1", "level2", "level3"];

    // The keys a mapping may hold, made once per layout and per group or table definition instead of once per form
    // and row (the same sets, built the same way, so a suggestion among them is the same).
    private static readonly ConditionalWeakTable<LayoutDefinition, HashSet<string>> FormKeys = [];
    private static readonly ConditionalWeakTable<LayoutDefinition, HashSet<string>> IndicatorKeys = [];
    private static readonly ConditionalWeakTable<FieldDefinition, HashSet<string>> ChildKeys = [];

    public static Form? Read(string file, string slug, string text, IReadOnlyDictionary<string, LayoutDefinition> layouts, DiagnosticBag diagnostics) =>
        Read(file, slug, text, layouts, diagnostics, out _);

    /// <param name="draft">Whether the file says <c>draft: true</c>, known even when the rest of it cannot be read into a form.</param>
    public static Form? Read(string file, string slug, string text, IReadOnlyDictionary<string, LayoutDefinition> layouts, DiagnosticBag diagnostics, out bool draft)
    {
        draft = false;
        var reader = new NodeReader(file, diagnostics);
        var root = reader.Mapping(Yaml.Parse(file, text), "form");
        if (root is null)
        {
            diagnostics.Report(SchemaRules.MissingRequired, SourceSpan.FileOnly(file), "表单文件为空", "The form file is empty");
            return null;
        }

        draft = reader.Boolean(LayoutReader.Child(root, "draft"), "draft") ?? false;

        var layoutId = reader.Text(LayoutReader.Child(root, "layout"), "layout");
        if (layoutId is null)
        {
            diagnostics.Report(SchemaRules.MissingRequired, reader.At(root), "缺少必填字段 layout（版式）", "Missing required field 'layout'", Suggestions.OneOf(layouts.Keys.Order(StringComparer.Ordinal)));
            return null;
        }

        if (!layouts.TryGetValue(layoutId, out var layout))
        {
            var suggestion = Suggestions.Closest(layoutId, layouts.Keys);
            var (zh, en) = Core.Validation.Suggestions.Phrase(suggestion);
            diagnostics.Report(SchemaRules.UnknownLayout, reader.At(LayoutReader.Child(root, "layout")!), $"未知版式“{layoutId}”{zh}", $"Unknown layout '{layoutId}'{en}", Suggestions.DidYouMean(suggestion));
            return null;
        }

        var year = reader.Integer(LayoutReader.Child(root, "year"), "year");
        if (year is null && LayoutReader.Child(root, "year") is null)
        {
            diagnostics.Report(SchemaRules.MissingRequired, reader.At(root), "缺少必填字段 year（年度）", "Missing required field 'year'");
        }
        else if (year is { } y && !FormYears.Contains(y))
        {
            diagnostics.Report(SchemaRules.YearOutOfRange, reader.At(LayoutReader.Child(root, "year")!), $"年度 {y} 不在 {FormYears.Min}–{FormYears.Max} 之间", $"The year {y} is outside {FormYears.Min}–{FormYears.Max}", new("用四位数字写预算年度，如 2025", "write the budget year with four digits, e.g. 2025"));
            year = null;
        }

        var classified = reader.Boolean(LayoutReader.Child(root, "classified"), "classified") ?? false;
        var updated = reader.Date(LayoutReader.Child(root, "updated"), "updated");
        var published = reader.Date(LayoutReader.Child(root, "published"), "published");
        var known = FormKeys.GetValue(layout, l => CommonKeys.Concat(l.Fields.SelectMany(KeysOf)).ToHashSet(StringComparer.Ordinal));
        var fields = ReadFields(reader, root, layout.Fields, known, "");
        var indicators = ReadIndicators(reader, root, layout);

        var projectName = layout.PathOf(FieldRole.ProjectName) is { } namePath ? fields.TextAt(namePath) ?? string.Empty : string.Empty;
        var owner = fields[layout.Owner] is OrganisationValue o ? o.Id : string.Empty;
        if (year is null || owner.Length == 0)
        {
            return null;
        }

        return new Form($"{owner}/{year}/{slug}", slug, layout.Id, year.Value, projectName, owner, classified, fields, indicators, reader.At(root), updated, published) { Draft = draft };
    }

    private static IEnumerable<string> KeysOf(FieldDefinition field) =>
        field.Type == FieldType.Organisation ? [field.Key, field.Key + "_printed"] : [field.Key];

    private static FieldSet ReadFields(NodeReader reader, YamlMappingNode mapping, IReadOnlyList<FieldDefinition> definitions, IReadOnlySet<string> known, string prefix)
    {
        var fields = new FieldSet();
        foreach (var (key, keyNode, _) in reader.Entries(mapping))
        {
            if (!known.Contains(key))
            {
                var suggestion = Suggestions.Closest(key, known);
                var (zh, en) = Core.Validation.Suggestions.Phrase(suggestion);
                reader.Diagnostics.Report(SchemaRules.UnknownKey, reader.At(keyNode), $"未知字段“{prefix}{key}”{zh}", $"Unknown field '{prefix}{key}'{en}", Suggestions.DidYouMean(suggestion));
            }
        }

        foreach (var definition in definitions)
        {
            var (keyNode, node) = Entry(mapping, definition.Key);
            var value = node is null ? null : ReadValue(reader, definition, node, mapping, prefix);
            if (value is null)
            {
                if (definition.Required)
                {
                    reader.Diagnostics.Report(SchemaRules.MissingRequired, keyNode is null ? reader.At(mapping) : reader.At(keyNode), $"缺少必填字段 {prefix}{definition.Key}（{definition.Label}）", $"Missing required field '{prefix}{definition.Key}' ({definition.Label})");
                }

                continue;
            }

            fields.Add(definition.Key, reader.At(keyNode!), value);
        }

        fields.Trim();
        return fields;
    }

    /// <summary>The first entry whose key is a scalar written <paramref name="key"/>, whatever its tag.</summary>
    private static (YamlNode? Key, YamlNode? Value) Entry(YamlMappingNode mapping, string key)
    {
        foreach (var (k, value) in mapping.Children)
        {
            if (k is YamlScalarNode { Value: var v } && v == key)
            {
                return (k, value);
            }
        }

        return (null, null);
    }

    private static HashSet<string> KnownChildKeys(FieldDefinition definition) =>
        ChildKeys.GetValue(definition, d => d.Children.SelectMany(KeysOf).ToHashSet(StringComparer.Ordinal));

    private static FieldValue? ReadValue(NodeReader reader, FieldDefinition definition, YamlNode node, YamlMappingNode parent, string prefix)
    {
        var at = reader.At(node);
        var what = prefix + definition.Key;
        switch (definition.Type)
        {
            case FieldType.Group:
                var mapping = reader.Mapping(node, what);
                if (mapping is null)
                {
                    return null;
                }

                var known = KnownChildKeys(definition);
                return new GroupValue(ReadFields(reader, mapping, definition.Children, known, what + "."), at);
            case FieldType.Table:
                return ReadTable(reader, definition, node, what, at);
            case FieldType.Amount or FieldType.Number:
                if (definition.Placeholders.Count > 0 && node is YamlScalarNode { Value: var written } && definition.Placeholders.Contains((written ?? string.Empty).Trim()))
                {
                    return new PlaceholderValue((written ?? string.Empty).Trim(), at);
                }

                return reader.Number(node, what) is { } number ? new NumberValue(number, at) : null;
            case FieldType.Date:
                return reader.Date(node, what) is { } date ? new DateValue(date, at) : null;
            case FieldType.Organisation:
                var id = reader.Text(node, what);
                if (id is null)
                {
                    return null;
                }

                var printed = reader.Text(LayoutReader.Child(parent, definition.Key + "_printed"), what + "_printed");
                return new OrganisationValue(id, printed, at);
            case FieldType.Markdown:
                return reader.Text(node, what) is { } markdown ? new MarkdownValue(markdown.TrimEnd('\n'), at) : null;
            case FieldType.Value:
                return reader.Text(node, what) is { } published ? new MeasuredValue(published, Parse(published), at) : null;
            default:
                var text = reader.Text(node, what);
                if (text is not null && definition.AllowedValues.Count > 0 && !definition.AllowedValues.Contains(text)
                    && definition.LooselySpelled(text) is { } spelled)
                {
                    // The allowed value with other punctuation or spacing (31.履职类项目): published so, kept, but flagged.
                    reader.Diagnostics.Report(SchemaRules.EnumerationSpelling, at, $"{what}（{definition.Label}）的值“{text}”写法不规范，应为“{spelled}”", $"'{text}' is a non-standard spelling of the {what} value '{spelled}'", new($"改写为“{spelled}”", $"write '{spelled}'"));
                }
                else if (text is not null && definition.AllowedValues.Count > 0 && !definition.AllowedValues.Contains(text))
                {
                    var suggestion = Suggestions.Closest(text, definition.AllowedValues);
                    var (zh, en) = Core.Validation.Suggestions.Phrase(suggestion);
                    reader.Diagnostics.Report(SchemaRules.NotAllowedValue, at, $"{what}（{definition.Label}）的值“{text}”不在允许范围：{string.Join("、", definition.AllowedValues)}{zh}", $"'{text}' is not an allowed value of {what}: {string.Join(", ", definition.AllowedValues)}{en}", Suggestions.DidYouMean(suggestion));
                }

                return text is null ? null : new TextValue(text, at);
        }
    }

    /// <summary>A table field's rows: a list of mappings, each cell read like a field of its column.</summary>
    private static TableValue? ReadTable(NodeReader reader, FieldDefinition definition, YamlNode node, string what, SourceSpan at)
    {
        if (reader.Sequence(node, what) is not { } sequence)
        {
            return null;
        }

        var known = KnownChildKeys(definition);
        var rows = new List<GroupValue>();
        foreach (var rowNode in sequence.Children)
        {
            var prefix = $"{what}[{rows.Count}]";
            if (reader.Mapping(rowNode, prefix) is { } mapping)
            {
                rows.Add(new GroupValue(ReadFields(reader, mapping, definition.Children, known, prefix + "."), reader.At(mapping)));
            }
        }

        var total = definition.TotalRow is { } totalRow ? rows.FindIndex(r => r.Fields.TextAt(totalRow.Column)?.Trim() == totalRow.Label) : -1;
        return new TableValue(rows, at, total >= 0 ? total : null);
    }

    /// <summary>Parses a published value; short ones recur across forms (≥95%, 100%), so each is parsed once and shared.</summary>
    private static ParsedValue Parse(string published) =>
        published.Length <= 32 ? ParsedValues.Get(published, ValueGrammar.Parse) : ValueGrammar.Parse(published);

    private static List<IndicatorRow> ReadIndicators(NodeReader reader, YamlMappingNode root, LayoutDefinition layout)
    {
        var rows = new List<IndicatorRow>();
        var sequence = reader.Sequence(LayoutReader.Child(root, "indicators"), "indicators");
        if (sequence is null)
        {
            return rows;
        }

        var known = IndicatorKeys.GetValue(layout, l => LevelKeys.Concat(l.IndicatorColumns.Select(c => c.Key)).ToHashSet(StringComparer.Ordinal));
        foreach (var node in sequence.Children)
        {
            if (reader.Mapping(node, $"indicators[{rows.Count}]") is not { } mapping)
            {
                continue;
            }

            var prefix = $"indicators[{rows.Count}].";
            TextValue? Level(string key) =>
                LayoutReader.Child(mapping, key) is { } levelNode && reader.Text(levelNode, prefix + key) is { } text ? new TextValue(text, reader.At(levelNode)) : null;

            var cells = ReadFields(reader, mapping, layout.IndicatorColumns, known, prefix);
            rows.Add(new IndicatorRow(rows.Count, Level("level1"), Level("level2"), Level("level3"), cells, reader.At(mapping)));
        }

        return rows;
    }
}
