using PerfDisclosure.Build.Pdf;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Pdf;

/// <summary>
/// A character the packaged fonts do not cover prints blank in the PDF: the build warns (PD0811) naming the form's
/// file, line and column, the table row and the code point; a character they do cover is in the PDF's text.
/// </summary>
public class MissingGlyphTests(PrintedCorpus corpus)
{
    /// <summary>U+13000 EGYPTIAN HIEROGLYPH A001: no CJK font covers it.</summary>
    private const string Uncovered = "\U00013000";

    /// <summary>U+3400, the first CJK Extension A ideograph: rare, and covered by Noto Serif SC.</summary>
    private const string Rare = "\u3400";

    [Fact]
    public void The_packaged_fonts_cover_common_and_extension_a_ideographs_but_not_hieroglyphs()
    {
        corpus.Require();
        var fonts = FontCoverage.Of(FontCoverage.FontFiles(TypstEngine.Find().Folder!));
        Assert.True(fonts.Prints('中'));
        Assert.True(fonts.Prints('≥'));
        Assert.True(fonts.Prints(Rare[0]));
        Assert.False(fonts.Prints(char.ConvertToUtf32(Uncovered, 0)));
        Assert.Equal([0x13000], fonts.Missing($"投促{Uncovered}法律{Uncovered}顾问 ≥30.00(个)"));
    }

    [Fact]
    public void An_uncovered_character_is_a_warning_at_its_place_and_a_covered_rare_one_is_printed()
    {
        corpus.Require();
        var content = Repo.CopyTree(Path.Combine(corpus.Root, "content-glyphs"));
        var output = Path.Combine(corpus.Root, "site-glyphs");
        var form = Path.Combine(content, "forms", "sh-minhang-investment-promotion", "2026", "legal-counsel.yaml");
        var yaml = File.ReadAllText(form);
        Assert.Contains("project_name: 投促法律顾问费\n", yaml, StringComparison.Ordinal);
        File.WriteAllText(form, yaml.Replace("project_name: 投促法律顾问费\n", $"project_name: 投促{Rare}法律{Uncovered}顾问费\n", StringComparison.Ordinal));
        var line = File.ReadAllLines(form).ToList().FindIndex(l => l.StartsWith("project_name:", StringComparison.Ordinal)) + 1;

        var result = new SiteBuilder(new BuildOptions(content, Repo.Templates, output, RequirePdf: true, CacheDir: corpus.CacheCopy("cache-glyphs")), new StringWriter()).Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "PD0811");
        Assert.Equal(Core.Diagnostics.Severity.Warning, warning.Severity);
        Assert.Equal(Path.GetFullPath(form), Path.GetFullPath(warning.Where.File));
        Assert.Equal(line, warning.Where.Line);
        Assert.Equal("project_name: 投促\u3400法律".Length + 1, warning.Where.Column);
        Assert.Contains("U+13000", warning.Message, StringComparison.Ordinal);
        Assert.Contains("U+13000", warning.MessageEn, StringComparison.Ordinal);
        Assert.Contains("prints blank", warning.MessageEn, StringComparison.Ordinal);
        Validation.BothLanguages.Said(warning);

        // The PDF is still published, and the covered rare character is in its text.
        var pdf = Path.Combine(output, "sh-minhang-investment-promotion/2026/legal-counsel/legal-counsel.pdf");
        var text = Poppler.Text(pdf);
        Assert.Contains($"投促{Rare}法律", text, StringComparison.Ordinal);
        Assert.Contains("顾问费", text, StringComparison.Ordinal);
    }
}
