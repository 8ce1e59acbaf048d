using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation.Rules.Framework;

/// <summary>一级指标 not in the layout's indicator framework.</summary>
public sealed class UnknownLevel1 : Rule
{
    public override string Code => "PD0101";

    public override Severity Severity => Severity.Warning;

    public override string Title => "一级指标不在版式采用的指标体系中";

    public override string TitleEn => "Level-1 indicator not in the layout's indicator framework";

    public override string? CitizenNote => "本表的指标分类与财政部门规定的指标体系不一致。";

    public override RuleExample Example => new(
        "shenzhen-target",
        "indicators:\n  - {level1: 产出指表, level2: 数量指标, level3: 国产台式电脑, target: \"12台\", explanation: 采购数量}\n",
        "indicators:\n  - {level1: 产出指标, level2: 数量指标, level3: 国产台式电脑, target: \"12台\", explanation: 采购数量}\n");

    public override IEnumerable<Diagnostic> Check(FormContext form)
    {
        if (form.Framework is not { } framework)
        {
            yield break;
        }

        foreach (var row in form.Form.Indicators)
        {
            if (row.Level1 is { } level1 && !framework.Levels.ContainsKey(framework.Plain(level1.Value)))
            {
                var allowedZh = string.Join("、", framework.Levels.Keys);
                var allowed = string.Join(", ", framework.Levels.Keys);
                var nearest = Suggestions.Closest(framework.Plain(level1.Value), framework.Levels.Keys);
                var (zh, en) = nearest is null ? ($"可用：{allowedZh}", $"use one of: {allowed}") : ($"是否应为“{nearest}”？", $"did you mean '{nearest}'?");
                yield return Report(level1.Where, $"一级指标“{level1.Value}”不在“{framework.DisplayName}”中：{zh}", $"Level-1 indicator '{level1.Value}' is not in '{framework.DisplayName}': {en}", nearest is null ? new($"可用：{allowedZh}", $"use one of: {string.Join(", ", framework.Levels.Keys.Select(k => $"'{k}'"))}") : new($"改写为“{nearest}”", $"write '{nearest}'"));
            }
        }
    }
}
