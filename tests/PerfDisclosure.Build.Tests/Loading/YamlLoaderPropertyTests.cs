using CsCheck;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Loading;

/// <summary>
/// Generated inputs for the loader: whatever the text, the result is a model or diagnostics, never another
/// exception. Counts: 100,000 YAML texts, 100,000 byte strings, and 25,000 mutated forms by default (each reads a
/// whole form, ~0.2 ms; set PD_FUZZ_FORMS=100000 for the full run, which passes in about 20 s on 2 cores).
/// </summary>
public class YamlLoaderPropertyTests
{
    private const int Inputs = 100_000;
    private static readonly int FormInputs = int.TryParse(Environment.GetEnvironmentVariable("PD_FUZZ_FORMS"), out var n) ? n : 25_000;
    private static readonly LoadedContent Seeds = ContentLoader.Load(Repo.Content, new ThemeFiles(Repo.Templates));
    private static readonly string[] SeedLines = File.ReadAllLines(Path.Combine(Repo.Content, TestSite.SeedForm));

    private static readonly Gen<string> YamlPiece = Gen.OneOf(
        Gen.OneOf(":", ": ", "- ", "-", "[", "]", "{", "}", ",", "&a ", "*a", "&b ", "*b", "!!str ", "!!binary ", "!custom ", "|", "|-", ">", "? ", "'", "\"", "\\", "#", "%YAML 1.2\n", "%TAG ! tag:x:\n", "---\n", "...\n", "<<: ", "\t", "\n", "\r\n", "  ", "    ", "\uFEFF", "~", "null", "1e9", "0x1F", "2026-01-01", "年", "≥90%"),
        Gen.OneOf("layout", "year", "project_name", "indicators", "level1", "target", "funds", "total", "applicant_unit"),
        Gen.String[Gen.Char, 0, 4]);

    private static readonly Gen<string> YamlText = YamlPiece.Array[0, 30].Select(p => string.Concat(p));

    private static void OnlyDiagnostics(Action load)
    {
        try
        {
            load();
        }
        catch (ContentException e)
        {
            Assert.True(e.Diagnostic.Where.Line >= 1 && e.Diagnostic.Where.Column >= 1, e.Diagnostic.ToString());
        }
    }

    [Fact]
    public void Any_text_parses_or_gives_a_diagnostic_with_a_place() =>
        YamlText.Sample(text => OnlyDiagnostics(() => Yaml.Parse("x.yaml", text)), iter: Inputs);

    [Fact]
    public void A_mutated_seed_form_reads_to_a_form_or_diagnostics()
    {
        // Each input is the seed form with lines dropped, repeated or swapped and values replaced by YAML pieces.
        var mutation = Gen.Select(Gen.Int[SeedMutation.Drop, SeedMutation.ReplaceValue], Gen.Int[0, SeedLines.Length - 1], Gen.Int[0, SeedLines.Length - 1], YamlText);
        mutation.Array[1, 6].Sample(mutations =>
        {
            var lines = SeedLines.ToList();
            foreach (var (kind, i, j, piece) in mutations)
            {
                SeedMutation.Apply(lines, kind, i, j, piece);
            }

            var diagnostics = new DiagnosticBag();
            OnlyDiagnostics(() => FormReader.Read("x.yaml", "x", string.Join('\n', lines), Seeds.Layouts, diagnostics));
            Assert.All(diagnostics.ToList(), d => Assert.True(d.Where.File == "x.yaml" && d.Where.Line >= 1, d.ToString()));
        }, iter: FormInputs);
    }

    [Fact]
    public void Any_bytes_decode_to_text_or_a_diagnostic() =>
        Gen.Byte.Array[0, 64].Sample(bytes => OnlyDiagnostics(() => ContentText.Decode(bytes, "x.yaml", new DiagnosticBag())), iter: Inputs);
}
