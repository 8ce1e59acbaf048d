using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Core.Validation.Rules.Markdown;

namespace PerfDisclosure.Build.Tests.Rendering;

/// <summary>
/// A Markdown field past a limit is PD0720 at the field, from <c>check</c> and <c>build</c> alike, and never reaches
/// Markdig (which threw a stack trace at <c>'&gt;' * 5000</c> and took 75 s for 400 KB of <c>[a](</c>).
/// </summary>
public class MarkdownLimitsTests
{
    private static string Repeat(string unit, int characters) => string.Concat(Enumerable.Repeat(unit, characters / unit.Length));

    public static TheoryData<string, int> Hostile => new()
    {
        { ">", 5_000 },
        { "> ", 5_000 },
        { "- ", 5_000 },
        { "[a](", 20_000 },
        { "[a](", 40_000 },
        { "[a](", 400_000 },
        { "*", 20_000 },
        { "*", 40_000 },
        { "<", 40_000 },
        { "`", 40_000 },
        { "[", 20_000 },
        { "[", 40_000 },
        { "*a ", 20_000 },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_hostile_markdown_field_is_an_error_at_the_field_in_check_and_build(string unit, int characters)
    {
        var site = new TestSite("markdown-limit");
        var form = site.Read(TestSite.SeedForm);
        var line = form[..form.IndexOf("policy_basis: |", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        site.Write(TestSite.SeedForm, form.Replace("policy_basis: |\n", "policy_basis: |\n  " + Repeat(unit, characters) + "\n", StringComparison.Ordinal));

        var (_, checkedOnly) = new SiteBuilder(site.Options()).Check();
        var result = site.Build();

        foreach (var diagnostics in new[] { checkedOnly, result.Diagnostics })
        {
            var error = Assert.Single(diagnostics, d => d.Code == MarkdownRules.OverLimit.Code);
            Assert.EndsWith(Path.GetFileName(TestSite.SeedForm), error.Where.File, StringComparison.Ordinal);
            Assert.Equal(line, error.Where.Line);
            Assert.Contains("policy_basis", error.Message, StringComparison.Ordinal);
        }

        Assert.False(result.Succeeded);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_page_past_a_limit_is_an_error_at_the_page()
    {
        var site = new TestSite("markdown-limit-page");
        var path = site.Write("pages/deep.md", "---\ntitle: 深\n---\n" + new string('>', 5_000) + " x\n");

        var (_, diagnostics) = new SiteBuilder(site.Options()).Check();

        var error = Assert.Single(diagnostics, d => d.Code == MarkdownRules.OverLimit.Code);
        Assert.Equal(Path.GetFileName(path), Path.GetFileName(error.Where.File));
        Assert.False(site.Build().Succeeded);
    }

    /// <summary>The limits sit below what Markdig tolerates: the deepest text they allow of each kind renders.</summary>
    [Theory]
    [InlineData(">")]
    [InlineData("> ")]
    [InlineData("- ")]
    [InlineData("> - ")]
    [InlineData("- > ")]
    [InlineData("1. ")]
    [InlineData("[")]
    [InlineData("![")]
    [InlineData("*[")]
    public void The_deepest_text_the_limits_allow_renders(string unit)
    {
        var markdown = string.Empty;
        while (MarkdownLimits.Check(markdown + unit + "x") is null)
        {
            markdown += unit;
        }

        markdown += "x";
        Assert.NotEmpty(MarkdownRenderer.Page(markdown));
        Assert.NotEmpty(MarkdownRenderer.FormText(markdown));
    }

    [Fact]
    public void A_text_past_the_limits_rendered_anyway_is_shown_escaped_as_written() =>
        Assert.Equal("<p>" + new string('*', 300) + "&lt;b&gt;</p>", MarkdownRenderer.Page(new string('*', 300) + "<b>"));
}
