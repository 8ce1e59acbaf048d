namespace PerfDisclosure.Core.Layouts;

/// <summary>One field of a layout: its YAML key, the label the official form prints, and how it is read.</summary>
/// <param name="Format">.NET numeric format for amounts and numbers (e.g. <c>#,##0.00</c>), as the form prints them.</param>
/// <param name="Values">The allowed values of an enumeration (项目性质 …), or empty.</param>
/// <param name="Fields">Sub-fields of a group.</param>
public sealed record FieldDefinition(
    string Key,
    string Label,
    FieldType Type,
    bool Required = false,
    string? Format = null,
    IReadOnlyList<string>? Values = null,
    IReadOnlyList<FieldDefinition>? Fields = null,
    string? Description = null)
{
    public IReadOnlyList<string> AllowedValues => Values ?? [];

    public IReadOnlyList<FieldDefinition> Children => Fields ?? [];

    public FieldDefinition? Child(string key) => Children.FirstOrDefault(f => f.Key == key);
}
