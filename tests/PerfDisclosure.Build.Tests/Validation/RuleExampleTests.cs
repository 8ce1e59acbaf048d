using PerfDisclosure.Core.Validation;

namespace PerfDisclosure.Build.Tests.Validation;

/// <summary>
/// One test per rule, from the example the rule documents: its trigger, merged into a minimal valid form and checked
/// by the real loader and validator, reports the rule's code at a line of the form; its fix reports nothing.
/// </summary>
public class RuleExampleTests
{
    public static TheoryData<string> FormExamples => [.. RuleSet.Default.Rules.Where(r => r.Example.Kind == ExampleKind.Form).Select(r => r.Code)];

    [Fact]
    public void Base_forms_are_clean()
    {
        var site = new ExampleSite("base");
        foreach (var layout in ExampleSite.BaseForms.Keys)
        {
            site.AddForm(layout, string.Empty, "base-" + layout);
        }

        Assert.Empty(site.Check().Select(d => d.ToString()));
    }

    [Theory]
    [MemberData(nameof(FormExamples))]
    public void Trigger_reports_the_code_at_the_form(string code)
    {
        var rule = RuleSet.Default.Find(code)!;
        var site = new ExampleSite(code);
        var path = site.AddForm(rule.Example.Layout, rule.Example.Trigger);
        var findings = site.Check().Where(d => d.Code == code).ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, d =>
        {
            Assert.Equal(rule.Severity, d.Severity);
            Assert.EndsWith(Path.GetFileName(path), d.Where.File, StringComparison.Ordinal);
            Assert.True(d.Where.Line >= 1 && d.Where.Column >= 1);
            Assert.False(string.IsNullOrWhiteSpace(d.Message));
            Assert.False(string.IsNullOrWhiteSpace(d.MessageEn));
        });
    }

    [Theory]
    [MemberData(nameof(FormExamples))]
    public void Fix_reports_nothing(string code)
    {
        var rule = RuleSet.Default.Find(code)!;
        var site = new ExampleSite(code + "-fix");
        site.AddForm(rule.Example.Layout, rule.Example.Fix);
        Assert.Empty(site.Check().Select(d => d.ToString()));
    }
}
