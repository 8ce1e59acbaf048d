using PerfDisclosure.Core.Values;

namespace PerfDisclosure.Core.Tests.Values;

public class ValueGrammarTests
{
    [Theory]
    [InlineData("≥90.00(%)", Comparator.GreaterOrEqual, 90.00, "%", "≥90.00(%)")]
    [InlineData(">=95%", Comparator.GreaterOrEqual, 95, "%", "≥95%")]
    [InlineData("》=90%", Comparator.GreaterOrEqual, 90, "%", "≥90%")]
    [InlineData("≧80%", Comparator.GreaterOrEqual, 80, "%", "≥80%")]
    [InlineData("═100%", Comparator.Equal, 100, "%", "=100%")]
    [InlineData("＞＝９０％", Comparator.GreaterOrEqual, 90, "%", "≥90%")]
    [InlineData("不低于90%", Comparator.GreaterOrEqual, 90, "%", "≥90%")]
    [InlineData("不超过2个工作日", Comparator.LessOrEqual, 2, "个工作日", "≤2个工作日")]
    [InlineData("约80批次", Comparator.Approximately, 80, "批次", "约80批次")]
    [InlineData("< 2次", Comparator.Less, 2, "次", "<2次")]
    [InlineData("零起", Comparator.None, 0, "起", "0起")]
    [InlineData("=0.00(起)", Comparator.Equal, 0, "起", "=0.00(起)")]
    public void Reads_comparator_number_and_unit_and_suggests_the_standard_spelling(string published, Comparator comparator, double number, string unit, string normalised)
    {
        var quantity = Assert.IsType<Quantity>(ValueGrammar.Parse(published));
        Assert.Equal(comparator, quantity.Comparator);
        Assert.Equal((decimal)number, quantity.Number);
        Assert.Equal(unit, quantity.Unit);
        Assert.Equal(normalised, quantity.Normalised);
        Assert.Equal(published == normalised, quantity.Standard);
    }

    [Fact]
    public void Keeps_a_remark_in_brackets_apart_from_the_unit()
    {
        var quantity = Assert.IsType<Quantity>(ValueGrammar.Parse("=100% (2022年12月底前)"));
        Assert.Equal("%", quantity.Unit);
        Assert.Equal("2022年12月底前", quantity.Note);
        Assert.True(quantity.Standard);
    }

    [Theory]
    [InlineData("2024年12月31日", 2024, 12, 31, "2024年12月31日")]
    [InlineData("2023 年 12 月 31 日", 2023, 12, 31, "2023年12月31日")]
    [InlineData("2026年12月底", 2026, 12, null, "2026年12月底")]
    [InlineData("2026-01-01", 2026, 1, 1, "2026-01-01")]
    public void Reads_dates(string published, int year, int? month, int? day, string normalised)
    {
        var date = Assert.IsType<DateTarget>(ValueGrammar.Parse(published));
        Assert.Equal((year, month, day, normalised), (date.Year, date.Month, date.Day, date.Normalised));
    }

    [Theory]
    [InlineData("6个月内", 6, "个月", true)]
    [InlineData("2个工作日", 2, "个工作日", false)]
    public void Reads_periods(string published, int length, string unit, bool within)
    {
        var period = Assert.IsType<Period>(ValueGrammar.Parse(published));
        Assert.Equal(((decimal)length, unit, within), (period.Length, period.Unit, period.Within));
    }

    [Fact]
    public void Reads_ranges() => Assert.Equal(new NumberRange(2, 4, "小时", "2-4小时"), ValueGrammar.Parse("2-4小时"));

    [Theory]
    [InlineData("≥百分之九十")]
    [InlineData(">=")]
    [InlineData("》=优秀")]
    public void A_comparator_without_a_number_is_malformed(string published) => Assert.IsType<Malformed>(ValueGrammar.Parse(published));

    [Theory]
    [InlineData("及时")]
    [InlineData("高于同期水平")]
    [InlineData("一次性验收通过")]
    [InlineData("达成指标")]
    public void Words_are_qualitative(string published) => Assert.Equal(new Qualitative(published), ValueGrammar.Parse(published));

    [Fact]
    public void Recognises_not_applicable_and_redacted()
    {
        Assert.IsType<NotApplicable>(ValueGrammar.Parse("不适用"));
        Assert.IsType<Redacted>(ValueGrammar.Parse("涉密项目不宜公开"));
    }
}
