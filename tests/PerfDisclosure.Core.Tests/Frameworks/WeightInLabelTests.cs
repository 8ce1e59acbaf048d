using System.Text.RegularExpressions;
using PerfDisclosure.Core.Frameworks;

namespace PerfDisclosure.Core.Tests.Frameworks;

public class WeightInLabelTests
{
    private static readonly IndicatorFramework Framework = new(
        "weighted",
        ["*"],
        new Dictionary<string, IReadOnlyList<string>> { ["产出指标"] = ["数量指标"] },
        [],
        WeightInLabel: new Regex(@"[(（]\s*(?<weight>\d+(\.\d+)?)\s*分\s*[)）]$"));

    [Theory]
    [InlineData("产出指标(50分)", "产出指标", 50.0)]
    [InlineData("产出指标（ 30.5 分 ）", "产出指标", 30.5)]
    [InlineData("*数量指标（20分）", "数量指标", 20.0)]
    [InlineData("产出指标", "产出指标", null)]
    [InlineData("（50分）", "（50分）", 50.0)] // a weight alone is no name: kept
    public void A_weight_printed_in_a_name_is_read_and_left_out_of_the_name(string printed, string plain, double? weight)
    {
        Assert.Equal(plain, Framework.Plain(printed));
        Assert.Equal(weight is null ? null : (decimal)weight.Value, Framework.WeightIn(printed));
    }
}
