using MiniExcelLibs;
using PerfDisclosure.Build.Importing;
using PerfDisclosure.Build.Tests.Pdf;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Importing;

/// <summary>
/// Each example layout's forms as a spreadsheet holds them: the table of the printed PDF (the default engine), cell by
/// cell in its rows and columns, saved as tab-separated text and as an .xlsx workbook (MiniExcel, numbers typed),
/// imports as the source form, field by field and indicator by indicator; a second import changes nothing.
/// </summary>
public class ExampleSheetRoundTripTests(PrintedCorpus corpus)
{
    [Theory]
    [InlineData("province-a-target")]
    [InlineData("province-b-self-evaluation")]
    [InlineData("province-c-department-self-evaluation")]
    public void An_example_layouts_forms_as_text_and_workbook_import_as_the_same_forms(string example)
    {
        corpus.Require();
        var (content, templates, forms) = OneCellPerLineTests.Example(example);
        var folder = Repo.TempDir("example-sheet");
        var output = Path.Combine(folder, "site");
        Assert.True(new SiteBuilder(new BuildOptions(content, templates, output, RequirePdf: true, CacheDir: Path.Combine(folder, ".cache"))).Build().Succeeded);
        var differences = new List<string>();
        foreach (var form in forms)
        {
            var rows = FormImport.ReadTables(Path.Combine(output, form.Id, form.Slug + ".pdf")).SelectMany(t => t.Rows).Select(r => r.Select(c => c.Text).ToArray()).ToList();
            var text = Path.Combine(folder, form.Slug + ".txt");
            File.WriteAllLines(text, rows.Select(r => string.Join('\t', r)));
            var width = rows.Max(r => r.Length);
            var workbook = Path.Combine(folder, form.Slug + ".xlsx");
            MiniExcel.SaveAs(workbook, rows.Select(r => (IDictionary<string, object>)Enumerable.Range(0, width).ToDictionary(Column, i => Typed(i < r.Length ? r[i] : string.Empty))).ToList(), printHeader: false);
            differences.AddRange(OneCellPerLineTests.RoundTrip(form, text, content, templates));
            differences.AddRange(OneCellPerLineTests.RoundTrip(form, workbook, content, templates));
        }

        Assert.NotEmpty(forms);
        Assert.True(differences.Count == 0, $"{differences.Count} difference(s):\n" + string.Join('\n', differences.Take(200)));
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));

    /// <summary>A plain number as a typed number cell, as a budget system exports it; other text as text.</summary>
    private static object Typed(string cell) =>
        CleanNumber.IsPlain(cell) ? decimal.Parse(cell, System.Globalization.CultureInfo.InvariantCulture) : cell;
}
