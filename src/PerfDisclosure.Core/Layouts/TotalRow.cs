namespace PerfDisclosure.Core.Layouts;

/// <summary>
/// The row of a table field that totals the others (合计): the row whose <paramref name="Column"/> holds
/// <paramref name="Label"/>; each of its amount cells is the sum of the other rows' (PD0104).
/// </summary>
public sealed record TotalRow(string Column, string Label);
