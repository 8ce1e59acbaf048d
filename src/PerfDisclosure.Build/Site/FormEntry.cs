using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Build.Site;

/// <summary>A form placed in the site: its layout, owner, page path and headline amount.</summary>
public sealed record FormEntry(Form Form, LayoutDefinition Layout, Organisation Owner)
{
    /// <summary>The page's folder: <c>owner/year/slug/</c>.</summary>
    public string Path => Form.Id + "/";

    /// <summary>The headline amount in the layout's unit, or null when the form leaves it blank.</summary>
    public decimal? Amount => Layout.Amount.Length == 0 ? null : Form.Fields.NumberAt(Layout.Amount);

    /// <summary>The headline amount in yuan, for totals across layouts with different units.</summary>
    public decimal? AmountInYuan => Amount * Layout.YuanPerUnit;

    /// <summary>When the form last changed: its <c>updated</c> field, else 1 January of its year (deterministic, no git).</summary>
    public DateOnly Updated => Form.Updated ?? new DateOnly(Form.Year, 1, 1);

    public bool IsSelfEvaluation => Layout.Kind == FormKind.SelfEvaluation;

    /// <summary>总分, when the layout has a field of that role and the form fills it.</summary>
    public decimal? TotalScore => Layout.NumberOf(Form, FieldRole.TotalScore);

    /// <summary>评分等级 best first, as the forms' layouts list them (the grade field's values): what charts and search rank by.</summary>
    public static IReadOnlyList<string> GradeOrder(IEnumerable<FormEntry> forms) =>
        [.. forms.Select(f => f.Layout).Distinct().SelectMany(l => l.Grades).Distinct()];

    /// <summary>评分等级, when the layout has a field of that role and the form fills it.</summary>
    public string? Grade => Layout.TextOf(Form, FieldRole.Grade);
}
