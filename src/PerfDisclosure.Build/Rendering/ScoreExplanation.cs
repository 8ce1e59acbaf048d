using PerfDisclosure.Build.Site;
using PerfDisclosure.Core.Scoring;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Rendering;

/// <summary>
/// What a reader needs to read a self-evaluation's numbers (templates/partials/score-explained.sbn-html): the 评分等级
/// bands of its scoring file, each in words (strings.yaml <c>citizens.band*</c>); the words on 执行率 and 得分 are the theme's.
/// </summary>
public static class ScoreExplanation
{
    /// <summary>The bands of one scoring file, highest first, e.g. "优：90 分及以上".</summary>
    public static List<string> Bands(ScoringRules rules, Theme.ThemeStrings strings)
    {
        var bands = new List<string>(rules.Grades.Count);
        for (var i = 0; i < rules.Grades.Count; i++)
        {
            var (grade, min) = (rules.Grades[i].Grade, Html.FormatNumber(rules.Grades[i].Min, "0.##"));
            var max = i > 0 ? Html.FormatNumber(rules.Grades[i - 1].Min, "0.##") : null;
            bands.Add(Html.Escape((max, rules.Grades[i].Min) switch
            {
                (null, _) => strings.Format("citizens.band_top", ("level", grade), ("min", min)),
                (_, 0m) => strings.Format("citizens.band_bottom", ("level", grade), ("max", max)),
                _ => strings.Format("citizens.band", ("level", grade), ("min", min), ("max", max)),
            }));
        }

        return bands;
    }

    /// <summary>Every scoring file the forms use, with the layouts that use it, for a page that lists them all.</summary>
    public static List<ScriptObject> All(IEnumerable<FormEntry> forms, Theme.ThemeStrings strings) =>
        [.. forms.Where(f => f.Scoring is not null)
            .GroupBy(f => f.Scoring!.Id, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ScriptObject
            {
                ["layouts"] = string.Join(strings["contract.list_separator"], g.Select(f => f.Layout.Title).Distinct().Select(Html.Escape)),
                ["bands"] = Bands(g.First().Scoring!, strings),
            })];
}
