using CsCheck;
using PerfDisclosure.Build.Authoring;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Core.Values;

namespace PerfDisclosure.Build.Tests.Authoring;

/// <summary>Whatever a value holds, what import and new write reads back as the same publishable text (checked by reading it with the loader's parser).</summary>
public class YamlScalarTests
{
    private static readonly Gen<char> Tricky = Gen.OneOf(
        Gen.Char,
        Gen.Char['\0', '\u00A0'],
        Gen.OneOf(Gen.Const('\n'), Gen.Const('\r'), Gen.Const('\t'), Gen.Const('\u0085'), Gen.Const('\u2028'), Gen.Const('\u2029'), Gen.Const('\uFEFF'), Gen.Const('\uFFFE'), Gen.Const('"'), Gen.Const('\\'), Gen.Const('#'), Gen.Const(':'), Gen.Const(' '), Gen.Const('|'), Gen.Const('-'), Gen.Const('年')));

    private static readonly Gen<string> Text = Gen.String[Tricky, 0, 40].Select(t => RemoveLoneSurrogates(t));

    public static TheoryData<string> Values => ["一行\n二行", "a\u2028b", "a\u2029b", "下\u0085一行", "\u001b[31m红", "\"引号\" \\ 反斜杠", "  前导空格\n第二行", "尾随换行\n", "\uFEFF开头", "#不是注释", "- 不是列表", "", "\r\n", "x\ty", "😀 emoji"];

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_with_line_breaks_separators_or_controls_reads_back_as_written(string value)
    {
        var expected = PublishableText.Publishable(value);
        Assert.Equal(expected, Read("key:" + " " + YamlScalar.Quoted(value) + "\n"));
        Assert.Equal(expected.TrimEnd('\n'), Read("key:" + YamlScalar.Block(value, "  ")).TrimEnd('\n'));
    }

    [Fact]
    public void Any_text_reads_back_as_written_quoted_or_as_a_markdown_block()
    {
        Text.Sample(value =>
        {
            var expected = PublishableText.Publishable(value);
            Assert.Equal(expected, Read("key: " + YamlScalar.Quoted(value) + "\n"));
            Assert.Equal(expected.TrimEnd('\n'), Read("group:\n  key:" + YamlScalar.Block(value, "    "), "group").TrimEnd('\n'));
            Assert.DoesNotContain('\n', YamlScalar.Comment(value));
        }, iter: 10_000);
    }

    private static string Read(string yaml, string? group = null)
    {
        var root = (YamlMappingNode)Yaml.Parse("t.yaml", yaml)!;
        var mapping = group is null ? root : (YamlMappingNode)root.Children[new YamlScalarNode(group)];
        return ((YamlScalarNode)mapping.Children[new YamlScalarNode("key")]).Value!;
    }

    private static string RemoveLoneSurrogates(string text) =>
        string.Concat(text.Where((c, i) => !char.IsSurrogate(c) || (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]))));
}
