using PerfDisclosure.Core.Values;

namespace PerfDisclosure.Core.Tests.Values;

/// <summary>What import and new write is text every output can carry: line breaks as a spreadsheet shows them, nothing unseen.</summary>
public class PublishableTextTests
{
    [Theory]
    [InlineData("回车\r\n换行", "回车\n换行")]
    [InlineData("回车\r换行", "回车\n换行")]
    [InlineData("下一行\u0085符", "下一行\n符")]
    [InlineData("ESC\u001b[31m红", "ESC[31m红")]
    [InlineData("a\0b\u007fc\u0090d", "abcd")]
    [InlineData("非\uFFFE字符", "非字符")]
    [InlineData("制表\t与换行\n", "制表\t与换行\n")]
    [InlineData("行分隔\u2028符 😀", "行分隔\u2028符 😀")]
    public void A_text_becomes_one_every_output_can_carry(string text, string publishable)
    {
        Assert.Equal(publishable, PublishableText.Publishable(text));
        Assert.Equal(-1, PublishableText.FirstUnpublishable(PublishableText.Publishable(text)));
    }

    [Fact]
    public void A_lone_surrogate_is_left_out_and_a_pair_kept()
    {
        // Built in code: a test runner's own serialisation would turn a lone surrogate in an attribute into U+FFFD.
        var text = "孤" + (char)0xD800 + "立" + char.ConvertFromUtf32(0x1F600);

        Assert.Equal("孤立" + char.ConvertFromUtf32(0x1F600), PublishableText.Publishable(text));
    }
}
