using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Forms;

namespace PerfDisclosure.Core.Validation.Rules.Classified;

/// <summary>A classified form (涉密项目不宜公开) that shows a detail its layout's redacted form does not.</summary>
public sealed class ClassifiedDetailPublished : Rule
{
    public override string Code => "PD0601";

    public override Severity Severity => Severity.Error;

    public override string Title => "涉密项目公开了脱密版式以外的内容";

    public override string TitleEn => "A classified project publishes a detail beyond its layout's redacted form";

    public override RuleExample Example => new(
        "shenzhen-target",
        "classified: true\npolicy_basis: |\n  该项目为涉密项目,不宜公开。\nannual_goal: |\n  为全区非公企业党组织发放书记补贴。\nindicators:\n  - {level1: 产出指标, level2: 数量指标, level3: 涉密项目不宜公开, target: 涉密项目不宜公开, explanation: 涉密项目不宜公开}\n",
        "classified: true\npolicy_basis: |\n  该项目为涉密项目,不宜公开。\nannual_goal: |\n  该项目为涉密项目,不宜公开。\nindicators:\n  - {level1: 产出指标, level2: 数量指标, level3: 涉密项目不宜公开, target: 涉密项目不宜公开, explanation: 涉密项目不宜公开}\n");

    public override IEnumerable<Diagnostic> Check(FormContext form)
    {
        if (!form.Form.Classified)
        {
            yield break;
        }

        if (form.Layout.Redaction is not { } redaction)
        {
            yield return Report(form.Form.Where, $"版式 {form.Layout.Id} 没有定义涉密项目的公开内容（redaction），不能发布涉密表单", $"Layout {form.Layout.Id} declares no redacted form (redaction), so a classified form cannot be published", new("在版式中定义 redaction（涉密项目的公开内容），或去掉表单的 classified 后发布", "declare redaction in the layout, or publish the form without classified"));
            yield break;
        }

        foreach (var key in redaction.Fields)
        {
            if (form.Value(key) is { } value && !redaction.IsRedacted(value.Text))
            {
                yield return Shown(value.Where, key, redaction.Marker);
            }
        }

        foreach (var row in form.Form.Indicators)
        {
            foreach (var column in redaction.Columns)
            {
                FieldValue? value = column switch
                {
                    "level1" => row.Level1,
                    "level2" => row.Level2,
                    "level3" => row.Level3,
                    _ => row[column],
                };
                if (value is not null && !redaction.IsRedacted(value.Text))
                {
                    yield return Shown(value.Where, $"indicators[{row.Index}].{column}", redaction.Marker);
                }
            }
        }
    }

    private Diagnostic Shown(SourceSpan where, string key, string marker) =>
        Report(where, $"涉密项目的 {key} 只能写明“{marker}”，不得公开其他内容", $"A classified project's {key} may only say '{marker}'; it publishes other detail", new($"改为涉密项目的公开文字（含“{marker}”）", $"replace it with the redaction text (containing '{marker}')"));
}
