using System.Text.RegularExpressions;
using PerfDisclosure.Core.Validation;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Core.Tests.Validation;

/// <summary>
/// A code is typed once, by the rule that defines it (Core/Validation/Rules); the loader and the stages report
/// through that definition, so one code cannot take a second meaning in some stage.
/// </summary>
public partial class CodeDefinitionTests
{
    private static readonly string Rules = Path.Combine(Repo.Root, "src", "PerfDisclosure.Core", "Validation", "Rules");

    [Fact]
    public void No_source_file_outside_the_rules_types_a_code()
    {
        var typed = Directory.EnumerateFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(Rules + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(Repo.Root, f), Line: i + 1, Text: line)))
            .Where(l => CodeLiteral().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}");
        Assert.Empty(typed);
    }

    [Fact]
    public void Every_code_a_rule_file_types_is_a_registered_rule()
    {
        var registered = RuleSet.Default.Rules.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var typed = Directory.EnumerateFiles(Rules, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => CodeLiteral().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Code: m.Groups[1].Value)))
            .ToList();
        Assert.NotEmpty(typed);
        Assert.Empty(typed.Where(t => !registered.Contains(t.Code)).Select(t => $"{t.File}: {t.Code}"));
        Assert.Equal(typed.Count, typed.Select(t => t.Code).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_validation_codes_page_lists_every_defined_code()
    {
        var page = File.ReadAllText(Path.Combine(Repo.Root, "docs", "validation-codes.md"));
        Assert.All(RuleSet.Default.Rules, r => Assert.Contains($"### {r.Code}\n", page, StringComparison.Ordinal));
    }

    [GeneratedRegex("\"(PD\\d{4})\"")]
    private static partial Regex CodeLiteral();
}
