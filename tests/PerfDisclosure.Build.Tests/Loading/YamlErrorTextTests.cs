using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Tests.Validation;
using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Tests.Loading;

/// <summary>The YAML parser's errors rewritten for a budget officer: the line that is wrong and what to write, in both languages.</summary>
public class YamlErrorTextTests
{
    private static Diagnostic Refused(string text) => Assert.Throws<ContentException>(() => Yaml.Parse("form.yaml", text)).Diagnostic;

    [Fact]
    public void Bad_indentation_names_the_line_and_says_to_align_the_keys_with_spaces()
    {
        var error = Refused("layout: shenzhen-target\nyear: 2024\nproject_name: 办公\n   project_code: \"1\"\napplicant_unit: x\n");
        BothLanguages.Said(error);
        Assert.Equal("PD0001", error.Code);
        Assert.InRange(error.Where.Line, 3, 4);
        Assert.Contains("缩进不对", error.Message);
        Assert.Contains($"第 {error.Where.Line} 行", error.Message);
        Assert.Contains("空格", error.Message);
        Assert.Contains("indentation is wrong", error.MessageEn);
        Assert.DoesNotContain("While scanning", error.Message);
    }

    [Fact]
    public void A_missing_space_after_a_colon_names_the_key_and_shows_how_to_write_it()
    {
        var error = Refused("layout: shenzhen-target\nproject_name:办公设备采购\nyear: 2024\n");
        BothLanguages.Said(error);
        Assert.Equal(2, error.Where.Line);
        Assert.Contains("第 2 行“project_name:”的冒号后缺少空格", error.Message);
        Assert.Contains("project_name: 值", error.Message);
        Assert.Contains("no space after the colon of 'project_name:'", error.MessageEn);
    }

    [Fact]
    public void An_unquoted_value_with_a_colon_says_to_quote_the_whole_value()
    {
        var error = Refused("layout: shenzhen-target\nproject_name: 办公设备采购: 二期\nyear: 2024\n");
        BothLanguages.Said(error);
        Assert.Equal(2, error.Where.Line);
        Assert.Contains("加上英文双引号", error.Message);
        Assert.Contains("project_name: \"办公设备采购: 二期\"", error.Message);
        Assert.Contains("put the whole value in double quotes", error.MessageEn);
        Assert.Equal("write project_name: \"办公设备采购: 二期\"", error.Fix?.En);
        Assert.Equal("改为 project_name: \"办公设备采购: 二期\"", error.Fix?.Zh);
    }

    [Fact]
    public void An_unclosed_quote_names_its_line_and_says_to_close_it()
    {
        var error = Refused("layout: shenzhen-target\nproject_name: \"办公设备采购\nyear: 2024\n");
        BothLanguages.Said(error);
        Assert.Contains("引号没有配对", error.Message);
        Assert.Contains("is never closed", error.MessageEn);
    }

    [Fact]
    public void A_tab_names_its_line_and_column_and_says_to_use_spaces()
    {
        var error = Refused("layout: shenzhen-target\nfunds:\n  total: 1\n\tother: 2\n");
        BothLanguages.Said(error);
        Assert.Equal(new SourceSpan("form.yaml", 4, 1), error.Where);
        Assert.Contains("第 4 行用制表符（Tab）缩进", error.Message);
        Assert.Contains("换成空格", error.Message);
        Assert.Contains("indented with a tab", error.MessageEn);
    }
}
