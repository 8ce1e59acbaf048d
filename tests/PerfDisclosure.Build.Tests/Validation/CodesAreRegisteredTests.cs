using System.Text.RegularExpressions;
using PerfDisclosure.Core.Validation;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Validation;

/// <summary>Every code the source reports is a registered, documented rule, so docs/validation-codes.md lists them all.</summary>
public partial class CodesAreRegisteredTests
{
    [Fact]
    public void Every_code_in_the_source_is_a_rule()
    {
        var used = Directory.EnumerateFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => CodeLiteral().Matches(File.ReadAllText(f)).Select(m => (Code: m.Groups[1].Value, File: Path.GetFileName(f))))
            .ToList();
        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => RuleSet.Default.Find(u.Code) is null).Select(u => $"{u.Code} in {u.File}"));
    }

    [GeneratedRegex("\"(PD\\d{4})\"")]
    private static partial Regex CodeLiteral();
}
