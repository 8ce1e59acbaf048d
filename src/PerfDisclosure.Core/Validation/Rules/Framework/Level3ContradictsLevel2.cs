using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation.Rules.Framework;

/// <summary>A 三级指标 whose wording belongs to another 二级指标 (…及时性 filed under 社会效益指标).</summary>
public sealed class Level3ContradictsLevel2 : Rule
{
    public override string Code => "PD0103";

    public override Severity Severity => Severity.Warning;

    public override string Title => "三级指标的措辞与所在的二级指标矛盾";

    public override string TitleEn => "Level-3 indicator's wording contradicts its level-2 indicator";

    public override RuleExample Example => new(
        "shenzhen-target",
        "indicators:\n  - {level1: 效益指标, level2: 社会效益指标, level3: 信息发布及时性, target: 及时, explanation: 考察发布时间}\n",
        "indicators:\n  - {level1: 产出指标, level2: 时效指标, level3: 信息发布及时性, target: 及时, explanation: 考察发布时间}\n");

    public override IEnumerable<Diagnostic> Check(FormContext form)
    {
        if (form.Framework is not { } framework)
        {
            yield break;
        }

        foreach (var row in form.Form.Indicators)
        {
            if (row.Level2 is not { } level2 || row.Level3 is not { } level3)
            {
                continue;
            }

            if (framework.Contradiction(level2.Value, level3.Value) is { } contradiction)
            {
                var (word, expected) = contradiction;
                yield return Report(level3.Where, $"三级指标“{level3.Value}”含“{word}”，应属于{string.Join("、", expected)}，却填在“{level2.Value}”下", $"Level-3 indicator '{level3.Value}' mentions '{word}', which belongs under {string.Join(" or ", expected)}, but is filed under '{level2.Value}'", new($"把这一行移到{string.Join("或", expected)}下", $"move the row under {string.Join(" or ", expected.Select(e => $"'{e}'"))}"));
            }
        }
    }
}
