using AngleSharp.Html.Parser;
using PerfDisclosure.Build.Rendering.Charts;
using PerfDisclosure.Build.Theme;

namespace PerfDisclosure.Build.Tests.Rendering.Charts;

public class BarChartTests
{
    private static readonly ChartBar[] Bars = [new("招商服务费", 200m, "200.00"), new("<script>", 50m, "50.00"), new("零", 0m, "0.00")];

    [Fact]
    public void Bars_are_proportional_to_their_values()
    {
        var svg = new HtmlParser().ParseDocument(BarChart.Svg("c", "金额", BarChart.Description(ThemeStrings.Builtin, Bars), Bars)).QuerySelector("svg")!;
        var widths = svg.QuerySelectorAll("rect").Select(r => double.Parse(r.GetAttribute("width")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, widths.Count);
        Assert.Equal(4.0, widths[0] / widths[1], 1);
        Assert.Equal(1.0, widths[2]); // a zero still shows a hairline, so the row is visibly "nothing", not missing
    }

    [Fact]
    public void The_svg_is_an_image_named_and_described_with_every_number_and_escapes_labels()
    {
        var markup = BarChart.Svg("c", "金额（万元）", BarChart.Description(ThemeStrings.Builtin, Bars), Bars);
        var svg = new HtmlParser().ParseDocument(markup).QuerySelector("svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("c-title c-desc", svg.GetAttribute("aria-labelledby"));
        Assert.Equal("金额（万元）", svg.QuerySelector("#c-title")!.TextContent);
        Assert.Equal("招商服务费：200.00；<script>：50.00；零：0.00。", svg.QuerySelector("#c-desc")!.TextContent);
        Assert.DoesNotContain("<script>", markup, StringComparison.Ordinal);
    }
}
