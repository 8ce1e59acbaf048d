namespace PerfDisclosure.Core.Layouts;

/// <summary>
/// What a layout's redacted form (涉密项目不宜公开) shows: the listed fields and indicator columns may only hold text
/// containing <paramref name="Marker"/>; everything else the layout has is published as usual.
/// </summary>
/// <param name="Columns">Indicator columns, including <c>level1</c>, <c>level2</c>, <c>level3</c>.</param>
public sealed record Redaction(string Marker, IReadOnlyList<string> Fields, IReadOnlyList<string> Columns)
{
    public bool IsRedacted(string text) => text.Contains(Marker, StringComparison.Ordinal);
}
