using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation.Rules.Framework;

/// <summary>二级指标 that the framework does not place under the row's 一级指标.</summary>
public sealed class Level2NotUnderLevel1 : Rule
{
    public override string Code => "PD0102";

    public override Severity Severity => Severity.Warning;

    public override string Title => "二级指标不属于所在的一级指标";

    public override string TitleEn => "Level-2 indicator does not belong under its level-1 indicator";

    public override string? CitizenNote => "本表的指标分类与财政部门规定的指标体系不一致。";

    public override RuleExample Example => new(
        "shenzhen-target",
        "indicators:\n  - {level1: 效益指标, level2: 数量指标, level3: 国产台式电脑, target: \"12台\", explanation: 采购数量}\n",
        "indicators:\n  - {level1: 产出指标, level2: 数量指标, level3: 国产台式电脑, target: \"12台\", explanation: 采购数量}\n");

    public override IEnumerable<Diagnostic> Check(FormContext form)
    {
        if (form.Framework is not { } framework)
        {
            yield break;
        }

        foreach (var row in form.Form.Indicators)
        {
            if (row.Level1 is not { } level1 || row.Level2 is not { } level2 || !framework.Levels.TryGetValue(framework.Plain(level1.Value), out var allowed))
            {
                continue;
            }

            var name = framework.Plain(level2.Value);
            if (!allowed.Contains(name))
            {
                var home = framework.Levels.FirstOrDefault(l => l.Value.Contains(name)).Key;
                var nearest = home is null ? Suggestions.Closest(name, allowed) : null;
                var whereZh = home is not null ? $"它属于“{home}”" : nearest is not null ? $"是否应为“{nearest}”？" : $"“{framework.DisplayName}”中没有这个二级指标";
                var whereEn = home is not null ? $"it belongs under '{home}'" : nearest is not null ? $"did you mean '{nearest}'?" : $"'{framework.DisplayName}' has no such level-2 indicator";
                yield return Report(level2.Where, $"二级指标“{level2.Value}”不属于一级指标“{level1.Value}”：{whereZh}", $"Level-2 indicator '{level2.Value}' does not belong under '{level1.Value}': {whereEn}", new($"“{level1.Value}”下可用：{string.Join("、", allowed)}", $"under '{level1.Value}' use one of: {string.Join(", ", allowed.Select(a => $"'{a}'"))}"));
            }
        }
    }
}
