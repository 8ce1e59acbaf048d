using PerfDisclosure.Build.Importing;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Tests.Pdf;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Importing;

/// <summary>
/// The round trip through print: every seed form's PDF (the default Typst engine, as <c>build</c> prints it) imported
/// into a folder holding only the organisations gives the form content/ holds, field by field and indicator by
/// indicator; each organisation's compilation gives all its forms; and the same for the example sites' layouts.
/// </summary>
public class PdfRoundTripTests(PrintedCorpus corpus)
{
    /// <summary>
    /// What a printed form does not carry, so an import cannot give it back (docs/authoring.md, Importing a published
    /// PDF): whether there was a space where a line wraps beside a Latin letter, a digit or a half-width comma
    /// (品质,优化 and 机制, 切实 print alike when the line breaks after the comma), and, in long Markdown text, a line
    /// that ends short for a reason the reader does not know (taken as a paragraph end). These 9 fields of 47 forms
    /// differ in such whitespace only: the comparison checks that the texts are equal without it.
    /// </summary>
    private static readonly HashSet<string> SpacingAtWraps =
    [
        "wechat-account-publicity actual_outcome",
        "enterprise-services expected_goal",
        "new-media annual_goal",
        "enterprise-service-coordination indicators[05].level3",
        "enterprise-service-coordination indicators[12].level3",
        "investment-attraction-services annual_goal",
        "investment-attraction-services long_term_goal",
        "integrated-information-service-platform annual_goal",
        "trade-associations-and-building-economy indicators[02].level3",
    ];

    private static string Spaceless(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Layouts whose form prints no year (Shenzhen's): the year is given, as <c>import --year</c> does.</summary>
    private static readonly string[] PrintsNoYear = ["shenzhen-target"];

    [Fact]
    public void Every_seed_form_pdf_imports_as_the_same_form()
    {
        corpus.Require();
        var theme = new ThemeFiles(Repo.Templates);
        var differences = new List<string>();
        var compared = 0;
        foreach (var entry in corpus.Site.Forms)
        {
            var form = entry.Form;
            var pdf = corpus.PathOf(entry.Path + form.Slug + ".pdf");
            var (imported, problems) = Import(pdf, Repo.Content, Repo.Templates, theme, PrintsNoYear.Contains(form.LayoutId) ? form.Year : null);
            differences.AddRange(problems);
            compared += Compare(form, imported, Path.GetFileName(pdf), differences);
        }

        Assert.True(differences.Count == 0, $"{differences.Count} difference(s):\n" + string.Join('\n', differences.Take(300)));
        Assert.True(compared > 2000, $"only {compared} fields compared");
    }

    [Fact]
    public void A_compilation_pdf_gives_every_form_of_its_organisation_and_year()
    {
        corpus.Require();
        var theme = new ThemeFiles(Repo.Templates);
        var differences = new List<string>();
        foreach (var group in corpus.Site.Forms.Select(f => f.Form).GroupBy(f => (f.Owner, f.Year)))
        {
            var year = group.Key.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var pdf = corpus.PathOf(Path.Combine(group.Key.Owner, year, $"{group.Key.Owner}-{year}.pdf"));
            var (imported, problems) = Import(pdf, Repo.Content, Repo.Templates, theme, PrintsNoYear.Contains(group.First().LayoutId) ? group.Key.Year : null);
            differences.AddRange(problems);
            Assert.Equal(group.Count(), imported.Count);
            foreach (var form in group)
            {
                Compare(form, imported, Path.GetFileName(pdf), differences);
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count} difference(s):\n" + string.Join('\n', differences.Take(300)));
    }

    [Theory]
    [InlineData("province-a-target")]
    [InlineData("province-b-self-evaluation")]
    [InlineData("province-c-department-self-evaluation")]
    public void An_example_layouts_form_pdfs_import_as_the_same_forms(string example)
    {
        corpus.Require();
        var root = Path.Combine(Repo.Root, "docs", "examples", example);
        var (content, templates) = (Path.Combine(root, "content"), Path.Combine(root, "templates"));
        var folder = Repo.TempDir("pdf-example");
        var output = Path.Combine(folder, "site");
        var built = new SiteBuilder(new BuildOptions(content, templates, output, RequirePdf: true, CacheDir: Path.Combine(folder, ".cache"))).Build();
        Assert.True(built.Succeeded, string.Join("; ", built.Diagnostics.Where(d => d.IsError)));
        var theme = new ThemeFiles(templates);
        var forms = ContentLoader.Load(content, theme).Forms;
        var differences = new List<string>();
        foreach (var form in forms)
        {
            var pdf = Path.Combine(output, form.Id, form.Slug + ".pdf");
            var (imported, problems) = Import(pdf, content, templates, theme, null);
            differences.AddRange(problems);
            Compare(form, imported, Path.GetFileName(pdf), differences);
        }

        Assert.NotEmpty(forms);
        Assert.True(differences.Count == 0, $"{differences.Count} difference(s):\n" + string.Join('\n', differences.Take(300)));
    }

    /// <summary>Imports one PDF into a new content folder holding only the organisations, and loads what it wrote.</summary>
    private static (IReadOnlyList<Form> Forms, List<string> Problems) Import(string pdf, string contentFrom, string templates, ThemeFiles theme, int? year)
    {
        var content = Repo.TempDir("pdf-import");
        Repo.CopyTree(Path.Combine(content, "organisations"), Path.Combine(contentFrom, "organisations"));
        var settings = ImportSettings.Load(content, templates, year);
        var result = FormImport.Read(pdf, settings);
        FormImport.Write(result, Path.GetFileName(pdf), content, settings);
        var problems = result.Unplaced.Select(u => $"{Path.GetFileName(pdf)}:{u.Row / SourcePlace.PdfPageRows}:{u.Row % SourcePlace.PdfPageRows}:{u.Column} not placed ({u.Rule.Code}): “{u.Text}” {u.Reason}").ToList();
        return (ContentLoader.Load(content, theme).Forms, problems);
    }

    private static int Compare(Form expected, IReadOnlyList<Form> imported, string pdf, List<string> differences)
    {
        var match = imported.FirstOrDefault(f => f.LayoutId == expected.LayoutId && f.Year == expected.Year && f.ProjectName == expected.ProjectName);
        if (match is null)
        {
            differences.Add($"{pdf}: {expected.ProjectName} not imported");
            return 0;
        }

        var (left, right) = (FormComparison.Flatten(expected), FormComparison.Flatten(match));
        foreach (var key in left.Keys.Union(right.Keys).Where(k => left.GetValueOrDefault(k) != right.GetValueOrDefault(k)))
        {
            var (a, b) = (left.GetValueOrDefault(key), right.GetValueOrDefault(key));
            var spacing = a is not null && b is not null && Spaceless(a) == Spaceless(b);
            if (!(spacing && SpacingAtWraps.Contains($"{expected.Slug} {key}")))
            {
                differences.Add($"{pdf}: {key}: “{a}” ≠ “{b}”{(spacing ? " (spaces only)" : string.Empty)}");
            }
        }

        return left.Count;
    }
}
