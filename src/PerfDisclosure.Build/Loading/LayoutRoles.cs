using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Validation.Rules.Schema;

namespace PerfDisclosure.Build.Loading;

/// <summary>
/// Reads a field's or an indicator column's <c>role:</c> (what it means: <see cref="FieldRole"/>, <see cref="ColumnRole"/>)
/// and checks it fits: a known role, of the type the role needs, taken by no other field.
/// </summary>
public static class LayoutRoles
{
    /// <summary>The types a role's field may have; a role not listed takes any type.</summary>
    private static readonly Dictionary<string, FieldType[]> Types = new(StringComparer.Ordinal)
    {
        [Spelled(FieldRole.ProjectName)] = [FieldType.Text],
        [Spelled(FieldRole.ProjectCode)] = [FieldType.Text],
        [Spelled(FieldRole.TotalScore)] = [FieldType.Number],
        [Spelled(FieldRole.TotalWeight)] = [FieldType.Number],
        [Spelled(FieldRole.Grade)] = [FieldType.Text],
        [Spelled(FieldRole.Department)] = [FieldType.Organisation, FieldType.Text],
        [Spelled(FieldRole.Budget)] = [FieldType.Amount],
        [Spelled(FieldRole.AdjustedBudget)] = [FieldType.Amount],
        [Spelled(FieldRole.Executed)] = [FieldType.Amount],
        [Spelled(FieldRole.ExecutionRate)] = [FieldType.Number],
        [Spelled(FieldRole.FundRows)] = [FieldType.Group],
        [Spelled(FieldRole.ExecutionWeight)] = [FieldType.Number],
        [Spelled(FieldRole.ExecutionScore)] = [FieldType.Number],
        [Spelled(FieldRole.PlannedStart)] = [FieldType.Date],
        [Spelled(FieldRole.PlannedEnd)] = [FieldType.Date],
        [Spelled(ColumnRole.Target)] = [FieldType.Value, FieldType.Text],
        [Spelled(ColumnRole.Actual)] = [FieldType.Value, FieldType.Text],
        [Spelled(ColumnRole.Weight)] = [FieldType.Number],
        [Spelled(ColumnRole.Score)] = [FieldType.Number],
    };

    /// <param name="taken">The roles other fields of the layout have taken.</param>
    private static readonly List<string> FieldRoles = Names<FieldRole>();

    private static readonly List<string> ColumnRoles = Names<ColumnRole>();

    public static FieldDefinition Read(NodeReader reader, YamlMappingNode node, FieldDefinition field, bool column, HashSet<string> taken)
    {
        if (LayoutReader.Child(node, "role") is not { } roleNode || reader.Text(roleNode, "role") is not { } text)
        {
            return field;
        }

        var known = column ? ColumnRoles : FieldRoles;
        if (!known.Contains(text) && !ColumnRoles.Concat(FieldRoles).Contains(text))
        {
            // Not a role of any kind: the shape check has reported it, with the closest one.
            return field;
        }

        if (!known.Contains(text))
        {
            var closest = Suggestions.Closest(text, known);
            var whatZh = column ? "指标列" : "字段";
            reader.Diagnostics.Report(SchemaRules.BadLayoutDefinition,
                reader.At(roleNode),
                $"{whatZh}没有角色 {text}（可用：{string.Join("、", known)}）",
                $"No {(column ? "indicator column" : "field")} role '{text}' (roles: {string.Join(", ", known)})",
                closest is null ? null : Suggestions.Write($"role: {closest}"));
            return field;
        }

        if (Types.TryGetValue(text, out var types) && !types.Contains(field.Type))
        {
            var allowed = string.Join(", ", types.Select(t => t.ToString().ToLowerInvariant()));
            reader.Diagnostics.Report(SchemaRules.BadLayoutDefinition, reader.At(roleNode), $"角色 {text} 的字段类型应为 {allowed}，{field.Key} 为 {field.Type.ToString().ToLowerInvariant()}", $"A field of role '{text}' must be of type {allowed}; '{field.Key}' is {field.Type.ToString().ToLowerInvariant()}");
            return field;
        }

        if (!taken.Add(text))
        {
            reader.Diagnostics.Report(SchemaRules.BadLayoutDefinition, reader.At(roleNode), $"角色 {text} 已由另一个字段担任", $"Another field already has the role '{text}'");
            return field;
        }

        return column
            ? field with { ColumnRole = Enum.GetValues<ColumnRole>().First(r => Spelled(r) == text) }
            : field with { Role = Enum.GetValues<FieldRole>().First(r => Spelled(r) == text) };
    }

    /// <summary><c>TotalScore</c> is spelled <c>total-score</c> in a layout file.</summary>
    public static string Spelled<T>(T role)
        where T : struct, Enum => Core.Schemas.EnumNames.Name(role);

    private static List<string> Names<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Skip(1).Select(Spelled)];
}
