using System.Text;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Tests.Validation;
using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Tests.Loading;

/// <summary>What YamlDotNet's representation model does with hostile YAML, and what the loader makes of it.</summary>
public class HostileYamlTests
{
    private static Diagnostic Refused(string text)
    {
        var e = Assert.Throws<ContentException>(() => Yaml.Parse("x.yaml", text));
        BothLanguages.Said(e.Diagnostic);
        return e.Diagnostic;
    }

    [Fact]
    public void A_duplicate_key_is_an_error_at_the_second_key_not_last_one_wins()
    {
        var error = Refused("project_name: 甲\nyear: 2024\nproject_name: 乙\n");
        Assert.Equal("PD0001", error.Code);
        Assert.Equal(new SourceSpan("x.yaml", 3, 1), error.Where);
        Assert.Contains("Duplicate key project_name", error.MessageEn, StringComparison.Ordinal);
        Assert.Contains("once", error.Fix?.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_key_in_a_nested_mapping_is_an_error_too()
    {
        var error = Refused("funds:\n  total: 1\n  total: 2\n");
        Assert.Equal(new SourceSpan("x.yaml", 3, 3), error.Where);
    }

    [Fact]
    public void Tab_indentation_is_an_error_that_says_to_use_spaces()
    {
        var error = Refused("funds:\n\ttotal: 1\n");
        Assert.Equal("PD0001", error.Code);
        Assert.Equal(2, error.Where.Line);
        Assert.Contains("tab", error.MessageEn, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("spaces", error.Fix?.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("? : indicators\n")]
    [InlineData("a: 1\nb: [    \nc: 2\n")]
    [InlineData("...\n: \n")]
    public void Input_that_makes_yamldotnet_throw_a_non_yaml_exception_is_a_syntax_error(string text)
    {
        // Found by YamlLoaderPropertyTests: YamlDotNet 18 throws ArgumentException / InvalidOperationException here.
        var error = Refused(text);
        Assert.Equal("PD0001", error.Code);
        Assert.True(error.Where.Line >= 1);
    }

    [Fact]
    public void A_tab_inside_a_value_is_kept_as_text()
    {
        var root = Assert.IsType<YamlMappingNode>(Yaml.Parse("x.yaml", "name: a\tb\n"));
        Assert.Equal("a\tb", root.Children.Values.Single().ToString());
    }

    [Fact]
    public void Crlf_line_ends_read_like_lf_and_places_count_the_same()
    {
        var lf = "name: 甲\ntext: |\n  第一行\n  第二行\nbad: [\n";
        var crlf = lf.Replace("\n", "\r\n", StringComparison.Ordinal);
        Assert.Equal(Refused(lf).Where, Refused(crlf).Where);

        var root = (YamlMappingNode)Yaml.Parse("x.yaml", "text: |\r\n  第一行\r\n  第二行\r\n")!;
        Assert.Equal("第一行\n第二行\n", root.Children.Values.Single().ToString());
    }

    [Fact]
    public void An_alias_shares_its_anchor_node_so_the_model_itself_does_not_grow()
    {
        var root = (YamlMappingNode)Yaml.Parse("x.yaml", "a: &x [1, 2]\nb: *x\n")!;
        var values = root.Children.Values.ToList();
        Assert.Same(values[0], values[1]);
    }

    [Fact]
    public void A_billion_laughs_alias_bomb_is_refused_at_the_alias_that_passes_the_limit()
    {
        var bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            bomb.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        var error = Refused(bomb.ToString());
        Assert.Equal("PD0703", error.Code);
        Assert.Contains("aliases", error.MessageEn, StringComparison.Ordinal);
        Assert.InRange(error.Where.Line, 2, 10);
    }

    [Fact]
    public void Deep_nesting_is_refused_before_the_tree_is_built_so_the_stack_cannot_overflow()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        var error = Refused(deep);
        Assert.Equal("PD0703", error.Code);
        Assert.Contains($"more than {YamlLimits.MaxDepth} levels", error.MessageEn, StringComparison.Ordinal);

        var block = string.Concat(Enumerable.Range(0, YamlLimits.MaxDepth + 1).Select(i => new string(' ', i * 2) + "k:\n"));
        Assert.Equal("PD0703", Refused(block).Code);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read()
    {
        var ok = new string('[', YamlLimits.MaxDepth) + new string(']', YamlLimits.MaxDepth);
        Assert.NotNull(Yaml.Parse("x.yaml", ok));
    }

    [Fact]
    public void Too_many_nodes_are_refused()
    {
        var many = "[" + string.Join(",", Enumerable.Repeat("1", YamlLimits.MaxNodes + 1)) + "]";
        Assert.Contains("more than", Refused(many).MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_read_naming_the_file()
    {
        var site = new TestSite("huge");
        site.Write("forms/sz-futian-investment-promotion/2024/huge.yaml", "project_name: \"" + new string('长', (int)ContentText.MaxBytes / 3 + 10) + "\"\n");

        var error = Assert.Single(site.Load().Diagnostics, d => d.Code == "PD0702");
        BothLanguages.Said(error);
        Assert.EndsWith("forms/sz-futian-investment-promotion/2024/huge.yaml", error.Where.File, StringComparison.Ordinal);
        Assert.Contains("the limit is 1048576 bytes", error.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_scalar_under_the_size_limit_loads()
    {
        var text = "name: \"" + new string('x', 900_000) + "\"\n";
        var root = (YamlMappingNode)Yaml.Parse("x.yaml", text)!;
        Assert.Equal(900_000, root.Children.Values.Single().ToString().Length);
    }

    [Fact]
    public void A_utf8_bom_is_not_part_of_the_first_key()
    {
        var site = new TestSite("bom");
        site.WriteBytes(TestSite.SeedForm, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(Path.Combine(site.Content, TestSite.SeedForm))]);

        var content = site.Load();

        Assert.DoesNotContain(content.Diagnostics, d => d.Where.File.EndsWith(TestSite.SeedForm, StringComparison.Ordinal));
        Assert.Equal(47, content.Forms.Count);
    }

    [Fact]
    public void A_form_with_crlf_line_ends_loads_the_same_as_with_lf()
    {
        var site = new TestSite("crlf");
        site.Write(TestSite.SeedForm, site.Read(TestSite.SeedForm).Replace("\n", "\r\n", StringComparison.Ordinal));

        var content = site.Load();

        Assert.Empty(content.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
        var form = Assert.Single(content.Forms, f => f.Slug == "chambers-of-commerce-building");
        Assert.DoesNotContain('\r', form.Fields.TextAt("policy_basis") ?? string.Empty);
    }
}
