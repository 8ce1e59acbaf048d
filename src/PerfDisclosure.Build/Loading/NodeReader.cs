using System.Globalization;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation.Rules.Schema;

namespace PerfDisclosure.Build.Loading;

/// <summary>Typed access to the nodes of one YAML file, reporting type errors at the node.</summary>
public sealed class NodeReader(string file, DiagnosticBag diagnostics)
{
    // Short texts repeat across forms (指标 names, units, category values): a site holds one string of each, not
    // one per form.
    private static readonly SharedValues<string> Common = new();

    public string File { get; } = file;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public SourceSpan At(YamlNode node) => Yaml.At(File, node);

    public YamlMappingNode? Mapping(YamlNode? node, string what)
    {
        if (node is null || node is YamlScalarNode s && Yaml.ScalarText(s) is null)
        {
            return null;
        }

        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }

        TypeError(node, what, "键值映射", "a mapping");
        return null;
    }

    public YamlSequenceNode? Sequence(YamlNode? node, string what)
    {
        if (node is null || node is YamlScalarNode s && Yaml.ScalarText(s) is null)
        {
            return null;
        }

        if (node is YamlSequenceNode sequence)
        {
            return sequence;
        }

        TypeError(node, what, "列表", "a list");
        return null;
    }

    public string? Text(YamlNode? node, string what)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode scalar:
                return Yaml.ScalarText(scalar) is { Length: <= 16 } text ? Common.Get(text, text => text) : Yaml.ScalarText(scalar);
            default:
                TypeError(node, what, "文本", "text");
                return null;
        }
    }

    public decimal? Number(YamlNode? node, string what)
    {
        var text = Text(node, what);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var fix = text.Replace(",", string.Empty, StringComparison.Ordinal);
        Diagnostics.Report(SchemaRules.WrongType, At(node!), $"{what} 应为数字，写成了“{text}”", $"{what} must be a number, found '{text}'",
            decimal.TryParse(fix, NumberStyles.Number, CultureInfo.InvariantCulture, out _) ? new($"改写为 {fix}（不用千位分隔符）", $"write {fix} (no thousands separators)") : null);
        return null;
    }

    public int? Integer(YamlNode? node, string what)
    {
        var number = Number(node, what);
        if (number is null)
        {
            return null;
        }

        if (number != decimal.Truncate(number.Value))
        {
            Diagnostics.Report(SchemaRules.WrongType, At(node!), $"{what} 应为整数", $"{what} must be a whole number");
            return null;
        }

        if (number is < int.MinValue or > int.MaxValue)
        {
            Diagnostics.Report(SchemaRules.WrongType, At(node!), $"{what} 的值 {number} 太大", $"{what} is {number}: too large a number");
            return null;
        }

        return (int)number.Value;
    }

    public DateOnly? Date(YamlNode? node, string what)
    {
        var text = Text(node, what);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Diagnostics.Report(SchemaRules.WrongType, At(node!), $"{what} 应为日期 YYYY-MM-DD，写成了“{text}”", $"{what} must be a date YYYY-MM-DD, found '{text}'");
        return null;
    }

    public bool? Boolean(YamlNode? node, string what)
    {
        var text = Text(node, what);
        switch (text)
        {
            case null:
                return null;
            case "true" or "True" or "TRUE" or "yes":
                return true;
            case "false" or "False" or "FALSE" or "no":
                return false;
            default:
                Diagnostics.Report(SchemaRules.WrongType, At(node!), $"{what} 应为 true 或 false", $"{what} must be true or false");
                return null;
        }
    }

    /// <summary>The entries of a mapping whose keys are plain scalars, reporting complex keys.</summary>
    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries(YamlMappingNode mapping)
    {
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                yield return (name, key, value);
            }
            else
            {
                Diagnostics.Report(SchemaRules.WrongType, At(key), "键必须是文本", "Keys must be plain text");
            }
        }
    }

    private void TypeError(YamlNode node, string what, string expectedZh, string expectedEn) =>
        Diagnostics.Report(SchemaRules.WrongType, At(node), $"{what} 应为{expectedZh}", $"{what} must be {expectedEn}");
}
