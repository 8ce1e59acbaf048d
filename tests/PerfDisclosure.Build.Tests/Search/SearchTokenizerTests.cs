using PerfDisclosure.Build.Search;

namespace PerfDisclosure.Build.Tests.Search;

public class SearchTokenizerTests
{
    [Fact]
    public void A_cjk_run_gives_each_character_and_each_bigram()
    {
        Assert.Equal(["残", "残疾", "疾", "疾人", "人"], SearchTokenizer.Tokens("残疾人"));
    }

    [Fact]
    public void Full_width_letters_and_digits_fold_to_lowercase_half_width()
    {
        Assert.Equal(["12", "ab", "sipc"], SearchTokenizer.Tokens("１２ ＡＢ SIPC"));
        Assert.Equal("12 ab", SearchTokenizer.Fold("１２\u3000ＡＢ"));
    }

    [Fact]
    public void Punctuation_and_scripts_switch_runs()
    {
        Assert.Equal(["运", "运作", "作", "sipc2023", "年", "x", "1"], SearchTokenizer.Tokens("运作，SIPC2023年 x-1"));
    }

    [Fact]
    public void A_query_needs_the_bigrams_of_a_long_run_and_the_character_of_a_short_one()
    {
        Assert.Equal(["法律", "律顾", "顾问", "费"], SearchTokenizer.QueryTerms("法律顾问 费"));
        Assert.Equal(["保障", "障金"], SearchTokenizer.QueryTerms("保障金 保障金"));
    }

    [Theory]
    [InlineData("就业困难残疾人职业培训", "残疾人")]
    [InlineData("聘请常年法律顾问，费用１２万元", "法律顾问")]
    [InlineData("ＳＩＰＣ运作", "sipc运作")]
    public void Every_query_term_of_a_substring_is_a_token_of_the_text(string text, string query)
    {
        var tokens = SearchTokenizer.Tokens(text).ToHashSet();
        Assert.All(SearchTokenizer.QueryTerms(query), t => Assert.Contains(t, tokens));
    }
}
