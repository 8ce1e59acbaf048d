using PerfDisclosure.Core.Validation;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Core.Tests.Validation;

/// <summary>docs/validation-codes.md is generated from the rules; this test fails when it drifts. UPDATE_DOCS=1 rewrites it.</summary>
public class RuleDocsTests
{
    private static readonly string DocsPath = Path.Combine(Repo.Root, "docs", "validation-codes.md");

    [Fact]
    public void Validation_codes_page_is_generated_from_the_rules()
    {
        var generated = RuleDocs.Markdown(RuleSet.Default);
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            File.WriteAllText(DocsPath, generated);
        }

        Assert.True(File.Exists(DocsPath), "docs/validation-codes.md is missing: run UPDATE_DOCS=1 dotnet test tests/PerfDisclosure.Core.Tests --filter RuleDocsTests");
        Assert.Equal(generated, File.ReadAllText(DocsPath).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Every_code_has_its_section_with_example_and_fix()
    {
        var page = RuleDocs.Markdown(RuleSet.Default);
        Assert.All(RuleSet.Default.Rules, r =>
        {
            Assert.Contains($"### {r.Code}", page, StringComparison.Ordinal);
            Assert.Contains(r.Example.Trigger.TrimEnd('\n'), page, StringComparison.Ordinal);
            Assert.Contains(r.Example.Fix.TrimEnd('\n'), page, StringComparison.Ordinal);
        });
    }
}
