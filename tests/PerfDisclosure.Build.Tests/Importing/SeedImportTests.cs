using PerfDisclosure.Build.Importing;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Importing;

/// <summary>
/// Imports each seed (the text extracted from the published PDFs) and compares it with the hand-checked content/
/// field by field. The fields that still differ are listed in seed-import-differences.txt beside this file, so the
/// list is reviewed in every change: a new difference fails, and so does one that was fixed (update the list).
/// </summary>
public class SeedImportTests
{
    private static readonly string Expected = Path.Combine(Repo.Root, "tests", "PerfDisclosure.Build.Tests", "Importing", "seed-import-differences.txt");

    public static string SeedsDir => Directory.Exists(Repo.Seeds) ? Repo.Seeds : Path.Combine(Repo.Root, "..", "..", "shared", "seeds");

    [Fact]
    public void Importing_every_seed_reproduces_content_except_the_listed_differences()
    {
        if (!Directory.Exists(SeedsDir))
        {
            Assert.Skip($"the seed texts are not beside this repository ({Repo.Seeds})");
        }

        var theme = new ThemeFiles(Repo.Templates);
        var corpus = ContentLoader.Load(Repo.Content, theme);
        var report = new List<string>();
        var compared = 0;
        foreach (var seed in Directory.EnumerateFiles(SeedsDir, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(seed);
            var content = Repo.TempDir("import");
            CopyOrganisations(content);
            var year = name.StartsWith("004", StringComparison.Ordinal) ? 2024 : (int?)null; // Shenzhen's form prints no year: the user gives it
            var result = FormImport.Read(seed, ImportSettings.Load(content, Repo.Templates, year));
            FormImport.Write(result, name, content);
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
                    report.Add($"{name} {form.Id}: not imported");
                    continue;
                }

                compared += FormComparison.Flatten(form).Count;
                report.AddRange(FormComparison.Differences(form, match).Select(d => $"{name} {form.Slug}: {d}"));
            }

            foreach (var cell in result.Unplaced)
            {
                report.Add($"{name} reported {cell.Row}:{cell.Column}: {cell.Reason}");
            }
        }

        Assert.True(compared > 2000, $"only {compared} fields compared");
        var actual = string.Join('\n', report) + "\n";
        if (!File.Exists(Expected) || Environment.GetEnvironmentVariable("UPDATE_SEED_IMPORT") == "1")
        {
            File.WriteAllText(Expected, actual);
        }

        Assert.Equal(File.ReadAllText(Expected), actual);
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
