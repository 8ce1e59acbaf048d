using PerfDisclosure.Core.Validation.Rules.Markdown;

namespace PerfDisclosure.Core.Tests.Validation;

public class MarkdownLimitsTests
{
    private static string Repeat(string unit, int characters) => string.Concat(Enumerable.Repeat(unit, Math.Max(1, characters / unit.Length)));

    /// <summary>The shapes that made Markdig throw or take quadratic time, at two sizes: a limit stops each before Markdig runs.</summary>
    [Theory]
    [InlineData("[a](", 20_000)]
    [InlineData("[a](", 40_000)]
    [InlineData("*", 20_000)]
    [InlineData("*", 40_000)]
    [InlineData("<", 20_001)]
    [InlineData("<", 40_000)]
    [InlineData("`", 20_001)]
    [InlineData("`", 40_000)]
    [InlineData("[", 20_000)]
    [InlineData("[", 40_000)]
    [InlineData(">", 5_000)]
    [InlineData("*a ", 20_000)]
    [InlineData("_a ", 20_000)]
    [InlineData("a*", 20_000)]
    [InlineData("**a", 20_000)]
    [InlineData("[](", 20_000)]
    [InlineData("![", 20_000)]
    [InlineData("- ", 5_000)]
    [InlineData("> - ", 5_000)]
    [InlineData("1. ", 5_000)]
    [InlineData("[a](", 400_000)]
    public void Every_shape_that_costs_more_than_linear_time_or_throws_is_refused_before_rendering(string unit, int characters) =>
        Assert.NotNull(MarkdownLimits.Check(Repeat(unit, characters)));

    [Theory]
    [InlineData("[a](", MarkdownLimit.Markup)]
    [InlineData("*", MarkdownLimit.Markup)]
    [InlineData("_a ", MarkdownLimit.Markup)]
    [InlineData("[", MarkdownLimit.Nesting)]
    [InlineData("![", MarkdownLimit.Nesting)]
    [InlineData(">", MarkdownLimit.Nesting)]
    [InlineData("> ", MarkdownLimit.Nesting)]
    [InlineData("- ", MarkdownLimit.Nesting)]
    [InlineData("1) ", MarkdownLimit.Nesting)]
    public void A_shape_under_the_size_limit_meets_the_limit_that_bounds_it(string unit, MarkdownLimit limit) =>
        Assert.Equal(limit, MarkdownLimits.Check(Repeat(unit, 5_000))?.Limit);

    [Fact]
    public void A_text_over_the_size_limit_is_refused_with_its_length()
    {
        var breach = MarkdownLimits.Check(new string('文', MarkdownLimits.MaxCharacters + 1));
        Assert.Equal(new MarkdownBreach(MarkdownLimit.Size, 1, MarkdownLimits.MaxCharacters + 1, MarkdownLimits.MaxCharacters), breach);
        Assert.Null(MarkdownLimits.Check(new string('文', MarkdownLimits.MaxCharacters)));
    }

    [Theory]
    [InlineData(">")]
    [InlineData("> ")]
    [InlineData("- ")]
    [InlineData("* ")]
    [InlineData("+ ")]
    [InlineData("1. ")]
    [InlineData("12) ")]
    [InlineData("[")]
    public void Nesting_up_to_the_limit_passes_and_one_more_is_refused_at_its_line(string unit)
    {
        var at = "第一行\n\n" + string.Concat(Enumerable.Repeat(unit, MarkdownLimits.MaxNesting));
        Assert.Null(MarkdownLimits.Check(at + " x"));
        Assert.Equal(new MarkdownBreach(MarkdownLimit.Nesting, 3, MarkdownLimits.MaxNesting + 1, MarkdownLimits.MaxNesting), MarkdownLimits.Check(at + unit + " x"));
    }

    [Theory]
    [InlineData("- a\n", "  ")]
    [InlineData("> - a\n", ">   ")]
    [InlineData("1. a\n", "   ")]
    public void Lists_nested_by_indentation_count_their_indentation(string first, string indent)
    {
        var lines = Enumerable.Range(0, 2 * MarkdownLimits.MaxNesting).Select(i => indent[..Math.Min(indent.Length, 1)] + new string(' ', 2 * i) + "- a\n");
        var text = first + string.Concat(lines);
        Assert.Equal(MarkdownLimit.Nesting, MarkdownLimits.Check(text)?.Limit);
    }

    [Fact]
    public void Openers_count_per_paragraph_so_a_blank_line_starts_again()
    {
        var paragraph = string.Concat(Enumerable.Repeat("**加粗**", MarkdownLimits.MaxMarkup / 4));
        Assert.Null(MarkdownLimits.Check(string.Join("\n\n", Enumerable.Repeat(paragraph, 20))));
        Assert.Equal(new MarkdownBreach(MarkdownLimit.Markup, 2, MarkdownLimits.MaxMarkup + 1, MarkdownLimits.MaxMarkup), MarkdownLimits.Check(paragraph + "\n" + paragraph + "*"));
    }

    [Theory]
    [InlineData("1、加强商协会建设。\n2、举办培训、沙龙等活动。\n3) 推动专业化。")]
    [InlineData("> 引用\n>\n> 第二段\n\n- 一\n  - 二\n    - 三\n\n1. 甲\n2. 乙")]
    [InlineData("[政策](https://www.gov.cn/) **加粗** _斜体_ `代码` <https://www.gov.cn/>")]
    [InlineData("\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[ 转义的方括号")]
    [InlineData("")]
    public void Ordinary_form_texts_pass(string markdown) => Assert.Null(MarkdownLimits.Check(markdown));
}
