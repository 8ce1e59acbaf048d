using System.Text.RegularExpressions;
using PerfDisclosure.Core.Validation;

namespace PerfDisclosure.Core.Tests.Validation;

public partial class RuleSetTests
{
    [Fact]
    public void Every_rule_has_a_well_formed_unique_code_both_messages_and_an_example_and_fix_that_differ()
    {
        var rules = RuleSet.Default.Rules;
        Assert.Equal(rules.Count, rules.Select(r => r.Code).Distinct().Count());
        Assert.All(rules, r =>
        {
            Assert.Matches(CodePattern(), r.Code);
            Assert.False(string.IsNullOrWhiteSpace(r.Title));
            Assert.False(string.IsNullOrWhiteSpace(r.TitleEn));
            Assert.NotEqual(r.Example.Trigger, r.Example.Fix);
        });
    }

    [Fact]
    public void The_builder_rejects_two_rules_with_one_code() =>
        Assert.Throws<InvalidOperationException>(() => new RuleSetBuilder().UseFunds().UseFunds().Build());

    [Fact]
    public void A_builder_can_assemble_a_subset()
    {
        var rules = new RuleSetBuilder().UseScoring().Build();
        Assert.All(rules.Rules, r => Assert.StartsWith("PD04", r.Code, StringComparison.Ordinal));
        Assert.NotNull(rules.Find("PD0407"));
    }

    [GeneratedRegex(@"^PD\d{4}$")]
    private static partial Regex CodePattern();
}
