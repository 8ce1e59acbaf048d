using PerfDisclosure.Core.Scoring;

namespace PerfDisclosure.Core.Tests.Scoring;

public class RoundingTests
{
    [Theory]
    [InlineData(RoundingMode.HalfUp, 9.327, 9.33)]
    [InlineData(RoundingMode.HalfUp, 8.045, 8.05)]
    [InlineData(RoundingMode.Truncate, 8.045, 8.04)]
    [InlineData(RoundingMode.Truncate, 99.6666, 99.66)]
    [InlineData(RoundingMode.HalfEven, 8.045, 8.04)]
    public void Rounds_to_two_decimals_as_configured(RoundingMode mode, double value, double expected) =>
        Assert.Equal((decimal)expected, new Rounding(2, mode).Apply((decimal)value));

    [Fact]
    public void An_organisation_can_round_differently_from_its_jurisdiction()
    {
        var rules = new ScoringRules("shanghai", 100, [new("优", 90), new("良", 80), new("中", 60), new("差", 0)], Rounding.HalfUp2,
            new Dictionary<string, Rounding> { ["cut"] = new(2, RoundingMode.Truncate) });
        Assert.Equal(RoundingMode.Truncate, rules.For("cut").Rounding.Mode);
        Assert.Equal(RoundingMode.HalfUp, rules.For("other").Rounding.Mode);
        Assert.Equal(["优", "良", "中", "差"], new[] { 95m, 89.99m, 60m, 59.99m }.Select(s => rules.GradeFor(s)));
    }
}
