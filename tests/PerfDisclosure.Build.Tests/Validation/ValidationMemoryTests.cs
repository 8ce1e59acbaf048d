using PerfDisclosure.Build.Caching;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Build.Validation;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Validation;

/// <summary>
/// serve's validation memory: a rebuild checks only the forms the parse memory read again, and reports exactly
/// what a validation without the memory reports; a changed theme checks every form again.
/// </summary>
public class ValidationMemoryTests
{
    [Fact]
    public void After_an_edit_only_the_edited_form_is_checked_and_the_findings_are_those_of_a_fresh_validation()
    {
        var content = Repo.CopyTree(Path.Combine(Repo.TempDir("validation-memory"), "content"));
        var theme = new ThemeFiles(Repo.Templates);
        var (parsed, validated) = (new ParseMemory(), new ValidationMemory());
        var first = ContentValidator.Validate(ContentLoader.Load(content, theme, parsed), theme, memory: validated);
        var forms = validated.Checked;
        Assert.True(forms > 40, $"{forms} forms checked");
        Assert.Equal(0, validated.Reused);

        // A level-1 name one character off: a per-form finding (PD0101) the memory must not hide.
        var form = Path.Combine(content, "forms", "sh-hongqiao-investment-service", "2024", "center-work-programme.yaml");
        File.WriteAllText(form, File.ReadAllText(form).Replace("level1: 产出指标", "level1: 产出指表", StringComparison.Ordinal));
        var again = ContentValidator.Validate(ContentLoader.Load(content, theme, parsed), theme, memory: validated);

        Assert.Equal(1, validated.Checked);
        Assert.Equal(forms - 1, validated.Reused);
        var fresh = ContentValidator.Validate(ContentLoader.Load(content, theme, memory: null), theme);
        Assert.Equal(Lines(fresh), Lines(again));
        Assert.Contains(again, d => d.Code == "PD0101" && d.Where.File.EndsWith("center-work-programme.yaml", StringComparison.Ordinal));
        Assert.DoesNotContain(first, d => d.Code == "PD0101");
    }

    [Fact]
    public void A_changed_theme_checks_every_form_again()
    {
        var root = Repo.TempDir("validation-memory-theme");
        var templates = Repo.CopyTree(Path.Combine(root, "templates"), Repo.Templates);
        var content = ContentLoader.Load(Repo.Content, new ThemeFiles(templates), memory: null);
        var validated = new ValidationMemory();
        ContentValidator.Validate(content, new ThemeFiles(templates), memory: validated);
        var forms = validated.Checked;

        ContentValidator.Validate(content, new ThemeFiles(templates), memory: validated);
        Assert.Equal((0, forms), (validated.Checked, validated.Reused));

        // The same form objects, a theme one framework file different: nothing is taken from memory.
        var framework = Directory.GetFiles(Path.Combine(templates, "frameworks"), "*.yaml").Order(StringComparer.Ordinal).First();
        File.AppendAllText(framework, "\n# changed\n");
        ContentValidator.Validate(content, new ThemeFiles(templates), memory: validated);
        Assert.Equal((forms, 0), (validated.Checked, validated.Reused));
    }

    private static string[] Lines(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d => $"{d.Where} {d.Severity} {d.Code} {d.Message} {d.MessageEn}").Order(StringComparer.Ordinal)];
}
