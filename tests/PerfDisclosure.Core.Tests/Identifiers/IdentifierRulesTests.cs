using PerfDisclosure.Core.Identifiers;

namespace PerfDisclosure.Core.Tests.Identifiers;

public class IdentifierRulesTests
{
    [Theory]
    [InlineData("sh-minhang-economy")]
    [InlineData("disability-employment-fund")]
    [InlineData("2026")]
    [InlineData("a")]
    public void Names_of_the_seed_kind_are_accepted(string name) =>
        Assert.Null(IdentifierRules.Check(name));

    [Theory]
    [InlineData("..", "'.'")]
    [InlineData("../etc", "'.'")]
    [InlineData("a/b", "'/'")]
    [InlineData("a\\b", "'\\'")]
    [InlineData("/etc", "'/'")]
    [InlineData("a b", "' '")]
    [InlineData("a_b", "'_'")]
    [InlineData("a.b", "'.'")]
    [InlineData("a\0b", "is not allowed")]
    [InlineData("", "empty")]
    [InlineData("-a", "start or end")]
    [InlineData("a-", "start or end")]
    [InlineData("a--b", "'--'")]
    [InlineData("Economy", "lower-case")]
    public void Names_that_could_escape_or_break_a_path_are_refused(string name, string reason)
    {
        var problem = IdentifierRules.Check(name);
        Assert.NotNull(problem);
        Assert.Contains(reason, problem.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void An_over_long_name_is_refused_with_the_limit()
    {
        Assert.Null(IdentifierRules.Check(new string('a', IdentifierRules.MaxLength)));
        var problem = IdentifierRules.Check(new string('a', IdentifierRules.MaxLength + 1));
        Assert.Equal($"The name is {IdentifierRules.MaxLength + 1} characters long; the limit is {IdentifierRules.MaxLength}", problem?.MessageEn);
    }

    [Theory]
    [InlineData("con")]
    [InlineData("nul")]
    [InlineData("lpt1")]
    public void Reserved_names_are_refused(string name)
    {
        Assert.Contains("reserved", IdentifierRules.Check(name)?.MessageEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sh-minh\u0430ng", "U+0430", "rename to 'sh-minhang'")] // Cyrillic а
    [InlineData("\u0440ages-x", "U+0440", "rename to 'pages-x'")] // Cyrillic р
    [InlineData("ｅｃｏｎｏｍｙ", "U+FF45", "rename to 'economy'")] // full-width
    [InlineData("sh\u2013economy", "U+2013", "rename to 'sh-economy'")] // en dash
    [InlineData("经济委员会", "U+7ECF", "use lower-case ASCII letters")]
    public void Look_alike_unicode_is_refused_naming_the_character_and_the_ascii_spelling(string name, string codePoint, string fix)
    {
        var problem = IdentifierRules.Check(name);
        Assert.NotNull(problem);
        Assert.Contains(codePoint, problem.MessageEn, StringComparison.Ordinal);
        Assert.StartsWith(fix, problem.Fix?.En, StringComparison.Ordinal);
    }
}
