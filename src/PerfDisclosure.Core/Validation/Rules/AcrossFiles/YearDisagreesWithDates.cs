using System.Text.RegularExpressions;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Values;

namespace PerfDisclosure.Core.Validation.Rules.AcrossFiles;

/// <summary>The form's year disagrees with its planned dates or with a year written in a 时效 (timeliness) indicator.</summary>
public sealed partial class YearDisagreesWithDates : Rule
{
    public override string Code => "PD0504";

    public override Severity Severity => Severity.Warning;

    public override string Title => "表单年度与其中的日期不一致";

    public override string TitleEn => "The form's year disagrees with its dates";

    public override string? CitizenNote => "表中的日期与所属年度不一致。";

    public override RuleExample Example => new(
        "shanghai-target-2026",
        "planned_start: 2025-01-01\nplanned_end: 2025-12-31\n",
        "planned_start: 2026-01-01\nplanned_end: 2026-12-31\n");

    public override IEnumerable<Diagnostic> Check(FormContext form)
    {
        var year = form.Form.Year;
        var start = form.Value(FieldRole.PlannedStart) as DateValue;
        var end = form.Value(FieldRole.PlannedEnd) as DateValue;
        if (start is not null && end is not null && (year < start.Date.Year || year > end.Date.Year))
        {
            yield return Report(start.Where, $"年度 {year} 不在计划期 {start.Text} 至 {end.Text} 之内", $"Year {year} is outside the planned period {start.Text} to {end.Text}");
        }

        foreach (var row in form.Form.Indicators.Where(r => r.Level2 is { } l2 && l2.Value.Contains("时效", StringComparison.Ordinal)))
        {
            foreach (var value in row.Cells.Keys.Select(k => row.Cells[k]).OfType<MeasuredValue>())
            {
                var written = value.Parsed is DateTarget date ? date.Year : YearPattern().Match(ValueGrammar.FoldWidth(value.Published)) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
                if (written is { } other && other != year)
                {
                    yield return Report(value.Where, $"时效指标“{row.Level3?.Value}”写的是 {other} 年，表单年度为 {year}", $"Timeliness indicator '{row.Level3?.Value}' names {other}; the form's year is {year}");
                }
            }
        }
    }

    [GeneratedRegex(@"(\d{4})\s*年")]
    private static partial Regex YearPattern();
}
