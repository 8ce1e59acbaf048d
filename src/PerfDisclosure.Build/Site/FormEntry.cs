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

    public bool IsSelfEvaluation => Layout.Kind == FormKind.SelfEvaluation;
}
