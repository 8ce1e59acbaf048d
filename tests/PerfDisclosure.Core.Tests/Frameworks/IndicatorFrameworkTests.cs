using PerfDisclosure.Core.Frameworks;

namespace PerfDisclosure.Core.Tests.Frameworks;

public class IndicatorFrameworkTests
{
    private static readonly IndicatorFramework Framework = new(
        "test",
        ["*", "+"],
        new Dictionary<string, IReadOnlyList<string>> { ["产出指标"] = ["数量指标", "质量指标", "时效指标"] },
        [new(["及时率", "及时性"], ["时效指标"]), new(["合格率"], ["质量指标"])]);

    [Theory]
    [InlineData("时效指标", "款项支付及时率", null)]
    [InlineData("*时效指标", "款项支付及时率", null)]
    [InlineData("数量指标", "采购台数", null)]
    [InlineData("质量指标", "款项支付及时率", "及时率")]
    [InlineData("数量指标", "验收合格率", "合格率")]
    public void A_level3_name_contradicts_a_level2_its_wording_hints_exclude(string level2, string level3, string? word) =>
        Assert.Equal(word, Framework.Contradiction(level2, level3)?.Word);

    [Fact]
    public void A_name_with_words_of_two_hints_may_go_under_the_level2_of_either()
    {
        Assert.Null(Framework.Contradiction("质量指标", "报告合格率和提交及时率"));
        Assert.Null(Framework.Contradiction("时效指标", "报告合格率和提交及时率"));
        Assert.Equal(["时效指标", "质量指标"], Framework.Contradiction("数量指标", "报告合格率和提交及时率")!.Value.Level2);
    }
}
