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

    /// <summary>
    /// When the form was published: its <c>published</c> field, else its <c>updated</c> field, else the day its
    /// content file was last written. 1 January of its year only for a form built from memory with no file.
    /// </summary>
    public DateOnly Published => Form.Published ?? Form.Updated ?? Form.FileDate ?? new DateOnly(Form.Year, 1, 1);

    /// <summary>When the form last changed: its <c>updated</c> field, else <see cref="Published"/>.</summary>
    public DateOnly Updated => Form.Updated is { } updated && updated > Published ? updated : Published;

    public bool IsSelfEvaluation => Layout.Kind == FormKind.SelfEvaluation;

    /// <summary>总分, when the layout has a field of that role and the form fills it.</summary>
    public decimal? TotalScore => Layout.NumberOf(Form, FieldRole.TotalScore);

    /// <summary>评分等级 best first, as the forms' layouts list them (the grade field's values): what charts and search rank by.</summary>
    public static IReadOnlyList<string> GradeOrder(IEnumerable<FormEntry> forms) =>
        [.. forms.Select(f => f.Layout).Distinct().SelectMany(l => l.Grades).Distinct()];

    /// <summary>The scoring rules of a self-evaluation, as they apply to its owner; null for a target form.</summary>
    public Core.Scoring.ScoringRules? Scoring { get; init; }

    /// <summary>执行率 (%) of the scored fund row, as the form prints it, when the layout declares an execution block.</summary>
    public decimal? ExecutionRate => Layout.Execution is { } e ? Form.Fields.NumberAt($"{e.ScoredRow}.{e.Rate}") : null;

    /// <summary>The project code, when the layout has a field of that role and the form fills it.</summary>
    public string? ProjectCode => Layout.TextOf(Form, FieldRole.ProjectCode);

    /// <summary>评分等级, when the layout has a field of that role and the form fills it.</summary>
    public string? Grade => Layout.TextOf(Form, FieldRole.Grade);
}
