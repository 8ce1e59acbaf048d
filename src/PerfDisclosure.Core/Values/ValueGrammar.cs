using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PerfDisclosure.Core.Values;

/// <summary>
/// The grammar of target and actual values (指标值, 实际完成值): comparator + number + unit,
/// ranges, dates, 不适用, and everything else as qualitative text. Parses once; never throws.
/// </summary>
public static partial class ValueGrammar
{
    /// <summary>涉密: the word that makes a value a redacted one, and the default marker of a layout's <c>redaction</c>.</summary>
    public const string ClassifiedWord = "涉密";

    private sealed record Spelling(string Text, Comparator Comparator, bool Standard);

    // Longest spellings first, so ">=" wins over ">" and "不低于" over nothing.
    private static readonly Spelling[] Spellings =
    [
        new("大于等于", Comparator.GreaterOrEqual, false),
        new("小于等于", Comparator.LessOrEqual, false),
        new("不低于", Comparator.GreaterOrEqual, false),
        new("不少于", Comparator.GreaterOrEqual, false),
        new("不小于", Comparator.GreaterOrEqual, false),
        new("不超过", Comparator.LessOrEqual, false),
        new("不高于", Comparator.LessOrEqual, false),
        new("不多于", Comparator.LessOrEqual, false),
        new("不大于", Comparator.LessOrEqual, false),
        new("》=", Comparator.GreaterOrEqual, false),
        new("《=", Comparator.LessOrEqual, false),
        new(">=", Comparator.GreaterOrEqual, false),
        new("=>", Comparator.GreaterOrEqual, false),
        new("<=", Comparator.LessOrEqual, false),
        new("=<", Comparator.LessOrEqual, false),
        new("==", Comparator.Equal, false),
        new("至少", Comparator.GreaterOrEqual, false),
        new("最多", Comparator.LessOrEqual, false),
        new("大于", Comparator.Greater, false),
        new("高于", Comparator.Greater, false),
        new("超过", Comparator.Greater, false),
        new("多于", Comparator.Greater, false),
        new("小于", Comparator.Less, false),
        new("低于", Comparator.Less, false),
        new("少于", Comparator.Less, false),
        new("等于", Comparator.Equal, false),
        new("≥", Comparator.GreaterOrEqual, true),
        new("≤", Comparator.LessOrEqual, true),
        new("≧", Comparator.GreaterOrEqual, false),
        new("≦", Comparator.LessOrEqual, false),
        new("⩾", Comparator.GreaterOrEqual, false),
        new("⩽", Comparator.LessOrEqual, false),
        new("═", Comparator.Equal, false),
        new("=", Comparator.Equal, true),
        new(">", Comparator.Greater, true),
        new("<", Comparator.Less, true),
        new("》", Comparator.Greater, false),
        new("《", Comparator.Less, false),
        new("约", Comparator.Approximately, true),
    ];

    public static ParsedValue Parse(string published)
    {
        var text = published.Trim();
        if (text.Length == 0)
        {
            return new Qualitative(string.Empty);
        }

        if (text == "不适用")
        {
            return new NotApplicable();
        }

        if (text.Contains(ClassifiedWord, StringComparison.Ordinal))
        {
            return new Redacted();
        }

        var folded = FoldWidth(text);
        var standard = folded == text;

        if (DatePattern().Match(folded) is { Success: true } date)
        {
            int? Group(int i) => date.Groups[i].Success ? int.Parse(date.Groups[i].Value, CultureInfo.InvariantCulture) : null;
            // Spaces inside a date ("2023 年 12 月 31 日") are an extraction or typing variant.
            var dateText = date.Groups[1].Success ? WhitespacePattern().Replace(date.Value, string.Empty) + folded[date.Length..] : folded;
            return new DateTarget((Group(1) ?? Group(4))!.Value, Group(2) ?? Group(5), Group(3) ?? Group(6), dateText);
        }

        var (comparator, rest, spelledStandard, prefix) = ReadComparator(folded);
        standard &= spelledStandard;
        rest = rest.TrimStart();

        // 零起: the Chinese zero is the only numeral people write in place of a digit on these forms.
        if (rest.StartsWith('零') && rest.Length > 1 && !char.IsDigit(rest[1]))
        {
            rest = "0" + rest[1..];
            standard = false;
            spelledStandard = false;
        }

        var number = NumberPattern().Match(rest);
        if (!number.Success)
        {
            // A comparator symbol promises a number; words such as 高于 may begin a qualitative value.
            return prefix.Length > 0 && SymbolPattern().IsMatch(prefix) ? new Malformed(text) : new Qualitative(text);
        }

        // A number too large for decimal (a pasted account number, say) is text, not an overflow.
        if (!decimal.TryParse(number.Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return new Qualitative(text);
        }

        var after = rest[number.Length..];
        if (comparator == Comparator.None && RangePattern().Match(after) is { Success: true } range
            && decimal.TryParse(range.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var high))
        {
            var rangeUnit = after[range.Length..].Trim();
            return new NumberRange(value, high, rangeUnit, folded);
        }

        var (unit, note) = ReadUnit(after);
        if (comparator == Comparator.None && note == "左右")
        {
            comparator = Comparator.Approximately;
        }

        if (comparator == Comparator.None && note is null && PeriodPattern().Match(unit) is { Success: true } period)
        {
            return new Period(value, period.Groups[1].Value, period.Groups[2].Success, folded);
        }

        var normalised = prefix.Length > 0 || !spelledStandard ? comparator.Symbol() + rest : folded;
        return new Quantity(comparator, value, unit, note, standard && normalised == text, normalised);
    }

    /// <summary>Folds full-width digits, Latin letters and operators to half-width (１２ → 12, ＞＝ → >=).</summary>
    public static string FoldWidth(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var folded = c switch
            {
                >= '０' and <= '９' or >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ' or '＞' or '＜' or '＝' or '％' or '．' or '，' or '－' or '～' => (char)(c - 0xFEE0),
                _ => c,
            };
            if (folded != c)
            {
                builder ??= new StringBuilder(text, 0, i, text.Length);
            }

            builder?.Append(folded);
        }

        return builder?.ToString() ?? text;
    }

    private static (Comparator Comparator, string Remainder, bool Standard, string Prefix) ReadComparator(string text)
    {
        foreach (var spelling in Spellings)
        {
            if (text.StartsWith(spelling.Text, StringComparison.Ordinal))
            {
                return (spelling.Comparator, text[spelling.Text.Length..], spelling.Standard, spelling.Text);
            }
        }

        return (Comparator.None, text, true, string.Empty);
    }

    private static (string Unit, string? Note) ReadUnit(string after)
    {
        // "(%)" right after the number is the unit in the Shanghai style: =100.00(%).
        if (after.StartsWith('(') || after.StartsWith('（'))
        {
            var close = after.IndexOfAny([')', '）']);
            if (close > 0)
            {
                var unit = after[1..close].Trim();
                var remark = after[(close + 1)..].Trim();
                return (unit, remark.Length == 0 ? null : StripBrackets(remark));
            }
        }

        var end = 0;
        while (end < after.Length && !char.IsWhiteSpace(after[end]) && after[end] is not ('(' or '（' or ',' or '，' or '、' or ';' or '；'))
        {
            end++;
        }

        var rest = after[end..].Trim();
        return (after[..end], rest.Length == 0 ? null : StripBrackets(rest));
    }

    private static string StripBrackets(string remark) =>
        remark.Length >= 2 && remark[0] is '(' or '（' && remark[^1] is ')' or '）' ? remark[1..^1].Trim() : remark;

    [GeneratedRegex(@"^(?:(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*)?(?:(\d{1,2})\s*日)?|(\d{4})-(\d{1,2})-(\d{1,2}))")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex(@"^[^\p{IsCJKUnifiedIdeographs}]+$")]
    private static partial Regex SymbolPattern();

    [GeneratedRegex(@"^(个工作日|工作日|个月|小时|分钟|天|日|周|年)(以内|内)?$")]
    private static partial Regex PeriodPattern();

    [GeneratedRegex(@"^\d{1,3}(?:,\d{3})+(?:\.\d+)?|^\d+(?:\.\d+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^\s*[-~至]\s*(\d+(?:\.\d+)?)")]
    private static partial Regex RangePattern();
}
