namespace PerfDisclosure.Core.Layouts;

/// <summary>Where an official form prints a top-level field (<c>section:</c> in the layout).</summary>
public enum FieldSection
{
    /// <summary>Among the header rows above the indicator table (项目名称, 资金 …): the default.</summary>
    Header,

    /// <summary>Text rows after the indicator table: 评价结论, 存在问题, 改进措施, 其他需要说明事项.</summary>
    After,

    /// <summary>The footer: 填表人, 联系电话, 填报日期, 单位负责人签字, 财政部门审核意见.</summary>
    Footer,
}
