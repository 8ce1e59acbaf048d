using PerfDisclosure.Build.Loading;

namespace PerfDisclosure.Build.Tests.Loading;

/// <summary>A short scalar two files repeat is one string in memory; a long one, and every value, stays as written.</summary>
public class ScalarPoolTests
{
    [Fact]
    public void The_same_short_scalar_in_two_files_is_one_string()
    {
        var first = Values(BlockYaml.Read("name: 产出指标\nunit: '≥95%'\n")!);
        var second = Values(BlockYaml.Read("unit: '≥95%'\nname: 产出指标\n")!);

        Assert.Same(first["name"], second["name"]);
        Assert.Same(first["unit"], second["unit"]);
        Assert.Equal("≥95%", first["unit"]);
    }

    [Fact]
    public void A_long_scalar_is_its_own_string_and_a_pooled_one_equals_its_text()
    {
        var text = new string('长', 200);
        Assert.NotSame(ScalarPool.Of(text), ScalarPool.Of(text));
        Assert.Equal(text, ScalarPool.Of(text));

        Span<char> word = ['数', '量', '指', '标'];
        Assert.Same(ScalarPool.Of(word), ScalarPool.Of("数量指标"));
        Assert.Equal("数量指标", ScalarPool.Of(word));
    }

    private static Dictionary<string, string> Values(YamlNode document) =>
        ((YamlMappingNode)document).ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value!);
}
