using PerfDisclosure.Build.Importing;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Importing;

/// <summary>
/// Imports each seed (the text extracted from the published PDFs) and compares it with the hand-checked content/
/// field by field: every field equal, no cell left unplaced, and only the notes listed here, each at its cell (what the
/// importer assumed where the extraction reads more than one way, and the compilation title it leaves out).
/// </summary>
public class SeedImportTests
{
    private static readonly (string Seed, int Row, int Column, Severity Severity, string Says)[] ExpectedNotes =
    [
        ("000", 3, 1, Severity.Info, "heading above the first form"),
        ("000", 63, 2, Severity.Warning, "labels of rows 63–65 are printed one row early"),
        ("002", 174, 2, Severity.Warning, "“质量指标” above also spans rows 171–172 before the page break"),
        ("003", 305, 2, Severity.Warning, "“时效指标” also spans the blank rows above its text, from row 302"),
    ];

    [Fact]
    public void Importing_every_seed_reproduces_content_field_by_field()
    {
        var theme = new ThemeFiles(Repo.Templates);
        var corpus = ContentLoader.Load(Repo.Content, theme);
        var differences = new List<string>();
        var notes = new List<(string Seed, int Row, int Column, Severity Severity, string Message)>();
        var compared = 0;
        foreach (var seed in Directory.EnumerateFiles(Repo.Seeds, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(seed);
            var content = Repo.TempDir("import");
            CopyOrganisations(content);
            var year = name.StartsWith("004", StringComparison.Ordinal) ? 2024 : (int?)null; // Shenzhen's form prints no year: the user gives it
            var settings = ImportSettings.Load(content, Repo.Templates, year);
            var result = FormImport.Read(seed, settings);
            FormImport.Write(result, name, content, settings);
            var imported = ContentLoader.Load(content, theme);
            Assert.Empty(imported.Diagnostics.Where(d => d.IsError && d.Code is "PD0001" or "PD0003").Select(d => d.ToString()));

            var expected = corpus.Forms.Where(f => File.ReadLines(f.File).Take(3).Any(l => l.Contains(name, StringComparison.Ordinal))).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected.Count, result.Forms.Count);
            foreach (var form in expected)
            {
                var match = imported.Forms.FirstOrDefault(f => f.LayoutId == form.LayoutId && f.Year == form.Year && f.ProjectName == form.ProjectName && f.Owner == form.Owner);
                if (match is null)
                {
                    differences.Add($"{name} {form.Id}: not imported");
                    continue;
                }

                compared += FormComparison.Flatten(form).Count;
                differences.AddRange(FormComparison.Differences(form, match).Select(d => $"{name} {form.Slug}: {d}"));
            }

            differences.AddRange(result.Unplaced.Select(cell => $"{name} not placed: {cell}"));
            notes.AddRange(result.Notes.Where(n => n.Rule.Code != "PD1009").Select(n => (name[..3], n.Row, n.Column, n.Severity, n.Message)));
        }

        Assert.True(compared > 2000, $"only {compared} fields compared");
        Assert.Empty(differences);
        Assert.Equal(ExpectedNotes.Select(n => (n.Seed, n.Row, n.Column, n.Severity)), notes.Select(n => (n.Seed, n.Row, n.Column, n.Severity)));
        Assert.All(ExpectedNotes.Zip(notes), pair => Assert.Contains(pair.First.Says, pair.Second.Message, StringComparison.Ordinal));
    }

    private static void CopyOrganisations(string content)
    {
        Directory.CreateDirectory(Path.Combine(content, "organisations"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Content, "organisations")))
        {
            File.Copy(file, Path.Combine(content, "organisations", Path.GetFileName(file)));
        }
    }
}
