namespace PerfDisclosure.Core.Forms;

/// <summary>
/// 预算年度: the years a form may be for. Pages, feeds and open data turn a year into a date, and a year outside
/// what a date holds (0, -1, 10000) would crash them; a year outside this range is also, in practice, a typo.
/// The loader, <c>new</c> and <c>import</c> all check against these bounds, so a file one writes the other reads.
/// </summary>
public static class FormYears
{
    /// <summary>The first budget year of the People's Republic.</summary>
    public const int Min = 1949;

    /// <summary>Far enough ahead for any multi-year plan.</summary>
    public const int Max = 2100;

    public static bool Contains(long year) => year is >= Min and <= Max;

    /// <summary>The sentence a refusal prints (English; the loader adds its Chinese).</summary>
    public static string Describe(long year) => $"the year {year} is outside {Min}–{Max}";
}
