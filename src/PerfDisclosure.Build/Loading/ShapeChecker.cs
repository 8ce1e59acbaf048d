using System.Globalization;
using System.Text.RegularExpressions;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Schemas;
using PerfDisclosure.Core.Validation;

namespace PerfDisclosure.Build.Loading;

/// <summary>
/// Checks a theme file's YAML against its declared <see cref="FileSchema"/>: unknown keys (with the closest known
/// one), missing required keys, wrong types, values outside a closed list (with the closest allowed one), each
/// reported under <paramref name="rule"/> at its node.
/// </summary>
public sealed class ShapeChecker(FileSchema schema, string file, Rule rule, DiagnosticBag diagnostics)
{
    // An anchor reused by aliases (fields: *fund_row) is one node: checked, and reported, once.
    private readonly HashSet<(YamlNode, Shape)> seen = [];
    private int found;

    /// <summary>Checks <paramref name="root"/>; true when it has the declared shape.</summary>
    public static bool Check(FileSchema schema, string file, YamlNode root, Rule rule, DiagnosticBag diagnostics)
    {
        var checker = new ShapeChecker(schema, file, rule, diagnostics);
        checker.Visit(schema.Root, root, string.Empty);
        return checker.found == 0;
    }

    private void Visit(Shape declared, YamlNode node, string path)
    {
        var shape = schema.Resolve(declared);
        if (!seen.Add((node, shape)))
        {
            return;
        }

        switch (shape)
        {
            case ObjectShape mapping:
                VisitObject(mapping, node, path);
                break;
            case MapShape map when Expect<YamlMappingNode>(node, path, "键值映射", "a mapping") is { } mappingNode:
                foreach (var (key, entry) in mappingNode.Children)
                {
                    if (KeyText(key, path) is { } name && !IsNull(entry))
                    {
                        Visit(map.Values, entry, Join(path, name));
                    }
                }

                break;
            case ListShape list when Expect<YamlSequenceNode>(node, path, "列表", "a list") is { } sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Visit(list.Items, sequence.Children[i], $"{path}[{i}]");
                }

                break;
            case TextShape text when Expect<YamlScalarNode>(node, path, "文本", "text") is { } scalar:
                VisitText(text, scalar, path);
                break;
            case NumberShape number when Expect<YamlScalarNode>(node, path, number.Integer ? "整数" : "数字", number.Integer ? "a whole number" : "a number") is { } scalar:
                var isNumber = decimal.TryParse(scalar.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value);
                if (!isNumber || (number.Integer && value != decimal.Truncate(value)))
                {
                    Report(node, $"{path} 应为{(number.Integer ? "整数" : "数字")}，写成了“{scalar.Value}”", $"'{path}' must be {(number.Integer ? "a whole number" : "a number")}, found '{scalar.Value}'");
                }

                break;
            case BooleanShape when Expect<YamlScalarNode>(node, path, "true 或 false", "true or false") is { } scalar:
                if (scalar.Value is not ("true" or "True" or "TRUE" or "false" or "False" or "FALSE"))
                {
                    Report(node, $"{path} 应为 true 或 false，写成了“{scalar.Value}”", $"'{path}' must be true or false, found '{scalar.Value}'");
                }

                break;
        }
    }

    private void VisitObject(ObjectShape shape, YamlNode node, string path)
    {
        if (Expect<YamlMappingNode>(node, path, "键值映射", "a mapping") is not { } mapping)
        {
            return;
        }

        var present = new HashSet<string>(StringComparer.Ordinal);
        var suggested = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (KeyText(keyNode, path) is not { } name)
            {
                continue;
            }

            if (shape.Find(name) is not { } key)
            {
                var known = shape.Keys.Select(k => k.Name).ToList();
                var suggestion = Suggestions.Closest(name, known);
                if (suggestion is not null)
                {
                    suggested.Add(suggestion);
                }

                Report(keyNode, $"未知的键“{Join(path, name)}”", $"Unknown key '{Join(path, name)}'", Suggestions.DidYouMean(suggestion) ?? new($"这里可用的键：{string.Join("、", known)}", $"the keys here are: {string.Join(", ", known)}"));
                continue;
            }

            if (!IsNull(value))
            {
                present.Add(name);
                Visit(key.Shape, value, Join(path, name));
            }
        }

        // A required key that a mistyped one was taken for is reported once, as the typo.
        foreach (var key in shape.Keys.Where(k => k.Required && !present.Contains(k.Name) && !suggested.Contains(k.Name)))
        {
            // A key written with no value is missing at its key; an absent one, at its mapping.
            var written = mapping.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var v } && v == key.Name);
            Report(written ?? mapping, $"缺少 {Join(path, key.Name)}", $"'{Join(path, key.Name)}' is missing", key.Shape is TextShape { Values: { } values } ? Suggestions.OneOf(values) : null);
        }
    }

    private void VisitText(TextShape shape, YamlScalarNode scalar, string path)
    {
        var text = scalar.Value ?? string.Empty;
        if (shape.Values is { } values && !values.Contains(text))
        {
            var suggestion = Suggestions.Closest(text, values);
            Report(scalar, $"{path} 的值“{text}”不在允许范围：{string.Join("、", values)}", $"'{text}' is not an allowed value of '{path}': {string.Join(", ", values)}", Suggestions.DidYouMean(suggestion));
        }
        else if (shape.Pattern is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            Report(scalar, $"{path} 的值“{text}”写法不对：{shape.PatternHint}", $"'{text}' is not a valid '{path}': {shape.PatternHint}");
        }
    }

    private T? Expect<T>(YamlNode node, string path, string expectedZh, string expectedEn)
        where T : YamlNode
    {
        if (node is T typed)
        {
            return typed;
        }

        Report(node, $"{Name(path)} 应为{expectedZh}", $"'{Name(path)}' must be {expectedEn}");
        return null;
    }

    private string? KeyText(YamlNode key, string path)
    {
        if (key is YamlScalarNode { Value: { } name })
        {
            return name;
        }

        Report(key, $"{Name(path)} 的键必须是文本", $"The keys of '{Name(path)}' must be plain text");
        return null;
    }

    private void Report(YamlNode node, string message, string messageEn, SuggestedFix? fix = null)
    {
        found++;
        diagnostics.Report(rule, Yaml.At(file, node), message, messageEn, fix);
    }

    private string Name(string path) => path.Length == 0 ? schema.Name : path;

    private static bool IsNull(YamlNode node) => node is YamlScalarNode scalar && Yaml.ScalarText(scalar) is null;

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
