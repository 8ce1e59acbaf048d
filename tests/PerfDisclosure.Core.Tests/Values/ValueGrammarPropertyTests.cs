using CsCheck;
using PerfDisclosure.Core.Values;

namespace PerfDisclosure.Core.Tests.Values;

/// <summary>
/// The value grammar parses whatever a spreadsheet holds. Generated inputs: 100,000 per property, from the
/// grammar's own pieces (comparators, numbers, units, brackets, dates) mixed with any Unicode text.
/// </summary>
public class ValueGrammarPropertyTests
{
    private const int Inputs = 100_000;

    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.OneOf("≥", "≤", ">=", "》=", "《=", "=", "==", "＞＝", "大于等于", "不低于", "约", "左右", "不适用", "涉密", "至", "-", "~", "年", "月", "日", "(", ")", "（", "）", "%", "(%)", "次", "万元", ",", "，", ".", " ", "\t", "\n"),
        Gen.Decimal.Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Int[0, 100_000].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.String[Gen.Char['０', '９'], 1, 4],
        Gen.String[Gen.Char, 0, 6]);

    private static readonly Gen<string> Published = Piece.Array[0, 8].Select(pieces => string.Concat(pieces));

    [Fact]
    public void Any_text_parses_without_throwing_into_a_value_that_prints() =>
        Published.Sample(text =>
        {
            var parsed = ValueGrammar.Parse(text);
            Assert.NotNull(parsed.Normalised);
        }, iter: Inputs);

    [Fact]
    public void A_quantity_keeps_the_number_that_was_written() =>
        Gen.Select(Gen.OneOf("≥", "≤", "=", ">", "<", ""), Gen.Decimal[0m, 1_000_000_000m], Gen.OneOf("%", "次", "万元", "(%)", ""))
            .Sample((comparator, number, unit) =>
            {
                var text = comparator + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + unit;
                var quantity = Assert.IsType<Quantity>(ValueGrammar.Parse(text));
                Assert.Equal(number, quantity.Number);
            }, iter: Inputs);

    [Theory]
    [InlineData("3211842430799397252340000000000.0000")]
    [InlineData("≥99999999999999999999999999999999次")]
    [InlineData("1-99999999999999999999999999999999")]
    public void A_number_too_large_for_decimal_is_text_not_an_overflow(string text) =>
        // Found by the property above: decimal.Parse threw OverflowException.
        Assert.NotNull(ValueGrammar.Parse(text).Normalised);

    [Fact]
    public void Folding_widths_is_idempotent() =>
        Published.Sample(text => Assert.Equal(ValueGrammar.FoldWidth(text), ValueGrammar.FoldWidth(ValueGrammar.FoldWidth(text))), iter: Inputs);
}
