using CsCheck;
using PerfDisclosure.Build.Search;

namespace PerfDisclosure.Build.Tests.Search;

/// <summary>
/// Generated inputs for the search tokenizer (issue 9): 100,000 texts mixing CJK, full-width and ASCII letters and
/// digits, punctuation, surrogates and control characters. Tokenizing never throws, folding keeps the length, and a
/// query of two or more CJK characters cut from a text needs only terms that text has: 100 % recall on substrings.
/// </summary>
public class SearchTokenizerPropertyTests
{
    private const int Inputs = 100_000;

    private static readonly Gen<char> Character = Gen.OneOf(
        Gen.Char['\u4E00', '\u9FFF'],
        Gen.OneOf('预', '算', '绩', '效', '目', '标', '年', '度', '〇', '\u3400', '\uF900'),
        Gen.Char['a', 'z'],
        Gen.Char['A', 'Z'],
        Gen.Char['0', '9'],
        Gen.Char['\uFF10', '\uFF5A'],
        Gen.OneOf(' ', '\t', '\n', ',', '，', '。', '、', '(', ')', '（', '）', '%', '≥', '》', '=', '-', '·', '\u3000', '\0', '\uD83D', '\uDE00'),
        Gen.Char);

    private static readonly Gen<string> Text = Character.Array[0, 60].Select(c => new string(c));

    [Fact]
    public void Tokenizing_any_text_keeps_its_length_when_folded_and_gives_no_empty_term() =>
        Text.Sample(text =>
        {
            Assert.Equal(text.Length, SearchTokenizer.Fold(text).Length);
            Assert.DoesNotContain(string.Empty, SearchTokenizer.Tokens(text));
            Assert.DoesNotContain(string.Empty, SearchTokenizer.QueryTerms(text));
        }, iter: Inputs);

    [Fact]
    public void A_cjk_substring_of_a_text_needs_only_terms_the_text_has() =>
        Gen.Select(Text, Gen.Int[0, 60], Gen.Int[2, 6]).Sample((text, start, length) =>
        {
            if (start + length > text.Length)
            {
                return;
            }

            var query = text.Substring(start, length);
            if (!SearchTokenizer.Fold(query).All(SearchTokenizer.IsCjk))
            {
                return;
            }

            var tokens = SearchTokenizer.Tokens(text).ToHashSet(StringComparer.Ordinal);
            Assert.All(SearchTokenizer.QueryTerms(query), term => Assert.Contains(term, tokens));
        }, iter: Inputs);
}
