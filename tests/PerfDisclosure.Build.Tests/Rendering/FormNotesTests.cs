using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Rendering;

/// <summary>A reader of a form with a known inconsistency sees a note in plain words, linked to its explanation.</summary>
public class FormNotesTests
{
    private static readonly Lazy<string> Site = new(() =>
    {
        var output = Path.Combine(Repo.TempDir("notes"), "site");
        var result = new SiteBuilder(new BuildOptions(Repo.Content, Repo.Templates, output)).Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.IsError)));
        return output;
    });

    [Fact]
    public void A_form_whose_funds_do_not_add_up_says_so_and_links_to_the_explanation()
    {
        var page = File.ReadAllText(Path.Combine(Site.Value, "sh-minhang-government-office", "2022", "npc-deputy-suggestions-system-upgrade", "index.html"));
        Assert.Contains("资金总额与分项之和不符。", page, StringComparison.Ordinal);
        Assert.Contains("href=\"../../../notes/index.html#pd0301\"", page, StringComparison.Ordinal);

        var notes = File.ReadAllText(Path.Combine(Site.Value, "notes", "index.html"));
        Assert.Contains("<dt id=\"pd0301\">资金总额与分项之和不符。</dt>", notes, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_findings_of_one_kind_make_one_note_with_a_count()
    {
        var page = File.ReadAllText(Path.Combine(Site.Value, "sh-foreign-investment-promotion", "2023", "csitf-fair-funding", "index.html"));
        Assert.Contains("有指标得分低于分值，但未说明偏差原因。（6 处）", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_form_without_findings_for_readers_has_no_notes_and_spelling_findings_are_not_shown()
    {
        var clean = File.ReadAllText(Path.Combine(Site.Value, "sh-hongqiao-investment-service", "2024", "talent-services", "index.html"));
        Assert.DoesNotContain("form-notes", clean, StringComparison.Ordinal);
        var spelling = File.ReadAllText(Path.Combine(Site.Value, "sh-minhang-government-office", "2022", "legal-counsel", "index.html"));
        Assert.DoesNotContain("form-notes", spelling, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_that_share_one_wording_make_one_note()
    {
        var findings = new[] { "PD0101", "PD0102", "PD0102", "PD0201" }.Select(c => new Core.Diagnostics.Diagnostic(c, Core.Diagnostics.Severity.Warning, new("f.yaml", 1, 1), "m", "m"));
        var note = Assert.Single(Build.Rendering.FormNotes.Build(findings));
        Assert.Equal("PD0101", note["code"]);
        Assert.Equal(3, note["count"]);
    }
}
