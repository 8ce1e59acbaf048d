namespace PerfDisclosure.Core.Layouts;

/// <summary>
/// What a form field means, declared by its layout (<c>role:</c> on the field), so that no stage names a field key:
/// rendering, the feed, open data, search, charts and the scoring rules find these fields by role.
/// </summary>
public enum FieldRole
{
    None,

    /// <summary>项目名称: the form's title in listings, the feed and search.</summary>
    ProjectName,

    /// <summary>项目编码: the project's code, which identifies it across forms.</summary>
    ProjectCode,

    /// <summary>总分: a self-evaluation's total score.</summary>
    TotalScore,

    /// <summary>The total of the weights (分值) the form prints, usually 100.</summary>
    TotalWeight,

    /// <summary>评分等级: the grade the total score earns.</summary>
    Grade,

    /// <summary>主管部门 (一级预算单位): the department the form's unit answers to.</summary>
    Department,

    /// <summary>The approved budget (年初预算数, 年度资金申请总额, 本年度项目金额): fiscal phase "approved".</summary>
    Budget,

    /// <summary>全年预算数: the budget as adjusted during the year (fiscal phase "adjusted").</summary>
    AdjustedBudget,

    /// <summary>全年执行数: what was spent (fiscal phase "executed").</summary>
    Executed,

    /// <summary>执行率: executed as a percentage of the adjusted budget.</summary>
    ExecutionRate,

    /// <summary>
    /// The execution block (资金执行情况): a group whose sub-groups are its fund rows, one per fund source (年度资金总额,
    /// 财政资金, 其他资金 …). Each row has the columns of the scored row: the one whose fields carry <see cref="Budget"/>
    /// or <see cref="AdjustedBudget"/>, <see cref="Executed"/> and <see cref="ExecutionRate"/> (Layouts/ExecutionBlock).
    /// </summary>
    FundRows,

    /// <summary>计划开始日期: when the project starts; with <see cref="PlannedEnd"/>, the period its year must fall in.</summary>
    PlannedStart,

    /// <summary>计划完成日期: when the project ends.</summary>
    PlannedEnd,

    /// <summary>分值 / 权重 of the scored fund row: the points the execution rate is worth.</summary>
    ExecutionWeight,

    /// <summary>得分 of the scored fund row: 分值 × 执行率, at most 分值.</summary>
    ExecutionScore,
}

/// <summary>What an indicator column means, declared by its layout (<c>role:</c> on the column).</summary>
public enum ColumnRole
{
    None,

    /// <summary>年度指标值 / 指标值: the target.</summary>
    Target,

    /// <summary>实际完成值: what was achieved.</summary>
    Actual,

    /// <summary>分值 / 权重: the points an indicator is worth.</summary>
    Weight,

    /// <summary>得分: the points it earned.</summary>
    Score,

    /// <summary>偏差原因分析及改进措施: why it fell short.</summary>
    Deviation,

    /// <summary>指标解释 / 指标说明: what the indicator measures.</summary>
    Explanation,

    /// <summary>指标性质 when printed in its own column (≥, ≤, ＝, 定性 …): combined with the value in a target or actual.</summary>
    Comparator,

    /// <summary>度量单位 when printed in its own column: combined with the value in a target or actual.</summary>
    Unit,

    /// <summary>绩效标准 / 评（计）分标准.</summary>
    Standard,
}

/// <summary>How roles are spelled where they name something of their own: a template's variable, an open-data column.</summary>
public static class RoleNames
{
    /// <summary><c>TotalScore</c> is <c>total_score</c>.</summary>
    public static string Snake<T>(T role)
        where T : struct, Enum =>
        string.Concat(role.ToString().Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));
}
