namespace PerfDisclosure.Core.Layouts;

/// <summary>
/// A self-evaluation's execution block (资金执行情况), as its layout declares it by roles: the scored row is the group
/// whose fields carry <c>adjusted-budget</c> (or <c>budget</c>), <c>executed</c> and <c>execution-rate</c>, and may carry
/// <c>execution-weight</c> and <c>execution-score</c> (得分 = 分值 × 执行率); the rows are the sub-groups of the group
/// with role <c>fund-rows</c> (one per fund source), or the scored row alone. Every row has the scored row's budget,
/// spent and rate columns (checked when the layout loads, PD0010); weight and score are read on the scored row only.
/// </summary>
/// <param name="Rows">Paths of the fund rows; each has its own 执行率.</param>
/// <param name="ScoredRow">The path of the row whose 得分 = 分值 × 执行率.</param>
/// <param name="Budget">The key of the rows' 全年预算数 / 调整后预算数 column.</param>
/// <param name="Spent">The key of the rows' 全年执行数 / 预算执行数 column.</param>
/// <param name="Rate">The key of the rows' 执行率 column.</param>
public sealed record ExecutionBlock(IReadOnlyList<string> Rows, string ScoredRow, string Budget, string Spent, string Rate)
{
    /// <summary>The path of the scored row's 分值 / 权重, or null when the layout prints none.</summary>
    public string? Weight { get; init; }

    /// <summary>The path of the scored row's 得分, or null when the layout prints none.</summary>
    public string? Score { get; init; }

    /// <summary>The block <paramref name="layout"/> declares, or null when its roles do not make one.</summary>
    public static ExecutionBlock? Of(LayoutDefinition layout)
    {
        if (layout.PathOf(FieldRole.ExecutionRate) is not { } rate || layout.PathOf(FieldRole.Executed) is not { } spent
            || (layout.PathOf(FieldRole.AdjustedBudget) ?? layout.PathOf(FieldRole.Budget)) is not { } budget
            || Parent(rate) is not { } row || Parent(spent) != row || Parent(budget) != row)
        {
            return null;
        }

        string? OnRow(FieldRole role) => layout.PathOf(role) is { } path && Parent(path) == row ? path : null;
        var rows = layout.PathOf(FieldRole.FundRows) is { } block && layout.FieldAt(block) is { } group
            ? group.Children.Where(c => c.Type == FieldType.Group).Select(c => $"{block}.{c.Key}").ToList()
            : [row];
        return new ExecutionBlock(rows, row, Key(budget), Key(spent), Key(rate))
        {
            Weight = OnRow(FieldRole.ExecutionWeight),
            Score = OnRow(FieldRole.ExecutionScore),
            Table = layout.FieldAt(row)?.Type == FieldType.Table,
        };
    }

    /// <summary>
    /// Whether the block is a table field (<c>type: table</c>): one row per fund source as the form lists them, the
    /// scored row its total row (合计), which alone carries 分值 and 得分.
    /// </summary>
    public bool Table { get; init; }

    /// <summary>The paths of the fund rows of <paramref name="form"/>: the declared rows, or each row of the table (<c>execution.0</c> …).</summary>
    public IReadOnlyList<string> RowsIn(Forms.Form form) =>
        Table ? [.. Enumerable.Range(0, (form.Fields.At(ScoredRow) as Forms.TableValue)?.Rows.Count ?? 0).Select(i => $"{ScoredRow}.{i}")] : Rows;

    /// <summary>Whether the fund row at <paramref name="path"/> of <paramref name="form"/> is the scored row.</summary>
    public bool IsScored(Forms.Form form, string path) =>
        Table ? form.Fields.At(ScoredRow) is Forms.TableValue { Total: { } total } && path == $"{ScoredRow}.{total}" : path == ScoredRow;

    /// <summary>The group a dotted path lies in (<c>funds.total</c> for <c>funds.total.score</c>), or null at top level.</summary>
    public static string? Parent(string path) => path.LastIndexOf('.') is var dot and > 0 ? path[..dot] : null;

    private static string Key(string path) => path[(path.LastIndexOf('.') + 1)..];
}
