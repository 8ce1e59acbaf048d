namespace PerfDisclosure.Core.Values;

/// <summary>What the value grammar made of a published target or actual value.</summary>
public abstract record ParsedValue
{
    /// <summary>The value in the standard spelling; equal to the published text when it was already standard.</summary>
    public abstract string Normalised { get; }
}

/// <summary>comparator + number + unit, e.g. ≥90.00(%) or 》=90% or 约80批次 or 100% (10月前).</summary>
/// <param name="Note">A trailing remark in brackets that is not the unit, e.g. 10月前.</param>
/// <param name="Standard">False when the published spelling used a variant (>=, 》=, ≧, full-width digits, 不低于 …).</param>
public sealed record Quantity(Comparator Comparator, decimal Number, string Unit, string? Note, bool Standard, string Normalised) : ParsedValue
{
    public override string Normalised { get; } = Normalised;
}

/// <summary>A range such as 2-4小时.</summary>
public sealed record NumberRange(decimal Low, decimal High, string Unit, string Normalised) : ParsedValue
{
    public override string Normalised { get; } = Normalised;
}

/// <summary>A calendar date such as 2024年12月31日 or 2026-01-01, possibly with a remark (2026年11月底之前完成).</summary>
public sealed record DateTarget(int Year, int? Month, int? Day, string Normalised) : ParsedValue
{
    public override string Normalised { get; } = Normalised;
}

/// <summary>A qualitative value: 及时, 合规, 健全, 有效 ….</summary>
public sealed record Qualitative(string Text) : ParsedValue
{
    public override string Normalised => Text;
}

/// <summary>不适用.</summary>
public sealed record NotApplicable : ParsedValue
{
    public override string Normalised => "不适用";
}

/// <summary>涉密项目不宜公开.</summary>
public sealed record Redacted : ParsedValue
{
    public override string Normalised => "涉密项目不宜公开";
}

/// <summary>A length of time such as 6个月内 or 2个工作日: the number is a duration, not a count.</summary>
/// <param name="Within">Written with 内 / 以内: at most this long.</param>
public sealed record Period(decimal Length, string Unit, bool Within, string Normalised) : ParsedValue
{
    public override string Normalised { get; } = Normalised;
}

/// <summary>A value that promises a number (it starts with ≥, >= …) but has none the grammar can read, e.g. ≥百分之九十.</summary>
public sealed record Malformed(string Text) : ParsedValue
{
    public override string Normalised => Text;
}
