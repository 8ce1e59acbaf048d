namespace PerfDisclosure.Core.Layouts;

/// <summary>How a field's YAML scalar is read and shown.</summary>
public enum FieldType
{
    /// <summary>Plain text, shown as published.</summary>
    Text,

    /// <summary>Long text in Markdown (goals, 实际完成情况, 政策依据 …).</summary>
    Markdown,

    /// <summary>An amount of money in the layout's unit (元 or 万元).</summary>
    Amount,

    /// <summary>A number that is not money: 分值, 得分, 执行率, 实施期限.</summary>
    Number,

    /// <summary>A calendar date, YYYY-MM-DD.</summary>
    Date,

    /// <summary>A reference to an organisation by id, with an optional printed form.</summary>
    Organisation,

    /// <summary>A target or actual value (指标值), kept as published and parsed by the value grammar.</summary>
    Value,

    /// <summary>A mapping of sub-fields (the fund table).</summary>
    Group,

    /// <summary>A table of repeating rows with its own columns (测算明细: 项目 / 单价 / 数量 / 金额; rows per fund source).</summary>
    Table,
}
