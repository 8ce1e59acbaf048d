using System.Globalization;
using MiniExcelLibs;
using PerfDisclosure.Build.Importing;
using PerfDisclosure.Core.Validation.Rules.Import;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Importing;

/// <summary>
/// A workbook as a budget system exports it, written with MiniExcel: numbers stored as typed number cells (as doubles,
/// so 0.1 + 0.2 is 0.30000000000000004 in the file), and a target cell holding text that looks like a formula
/// (<c>=0.00(起)</c>). It imports as the tab-separated text it was made from: numbers by value, without float noise,
/// and the formula-looking text kept as text, placed and counted.
/// </summary>
public class TypedWorkbookTests
{
    private const string FormulaLooking = "=0.00(起)";

    [Theory]
    [InlineData("001_*.txt")]
    [InlineData("004_*.txt")]
    public void Typed_numbers_and_formula_looking_text_import_as_the_text_did(string seed)
    {
        var tsv = Directory.EnumerateFiles(Repo.Seeds, seed).Single();
        var rows = FormImportTests.Rows(tsv);

        // The first indicator's target (the column after 三级指标) becomes formula-looking text, in the text as in the workbook.
        var header = rows.FindIndex(r => r.Contains("三级指标"));
        var target = Array.IndexOf(rows[header], "三级指标") + 1;
        rows[header + 1][target] = FormulaLooking;
        var text = Path.Combine(Repo.TempDir("typed-xlsx"), "forms.txt");
        File.WriteAllLines(text, rows.Select(r => string.Join('\t', r)));

        var noisy = 0;
        // MiniExcel takes its columns from the first row: every row is as wide as the widest.
        var width = rows.Max(r => r.Length);
        var sheet = rows.Select(r => (IDictionary<string, object>)Enumerable.Range(0, width).ToDictionary(Column, i => i < r.Length ? Typed(r[i], ref noisy) : string.Empty)).ToList();
        var workbook = Path.Combine(Path.GetDirectoryName(text)!, "forms.xlsx");
        MiniExcel.SaveAs(workbook, sheet, printHeader: false);
        Assert.True(noisy > 0, "no number was written with float noise");

        var (fromText, fromXlsx) = (FormImport.Read(text, FormImportTests.Settings), FormImport.Read(workbook, FormImportTests.Settings));
        Assert.NotEmpty(fromText.Forms);
        Assert.Equal(fromText.Forms.Count, fromXlsx.Forms.Count);
        for (var i = 0; i < fromText.Forms.Count; i++)
        {
            Assert.Equal(Values(fromText.Forms[i]), Values(fromXlsx.Forms[i]));
        }

        Assert.Contains(fromXlsx.Forms[0].Indicators, row => row.ContainsValue(FormulaLooking));
        Assert.Equal(fromText.Unplaced.Select(u => (u.Row, u.Column, u.Text)), fromXlsx.Unplaced.Select(u => (u.Row, u.Column, u.Text)));
        var told = Assert.Single(fromXlsx.Notes, n => n.Rule == ImportRules.FormulaText);
        Assert.Equal((header + 1 + 1, target + 1), (told.Row, told.Column));
        Assert.Contains(FormulaLooking, told.Message, StringComparison.Ordinal);

        // The summary's counts are the source's cells: placed (the formula-looking one among them), not placed, headings.
        var run = ImportRun.Run([workbook], new ImportOptions(Repo.TempDir("typed-xlsx-content"), Repo.Templates, 2024, DryRun: true));
        var summary = Assert.Single(run.Files);
        var cells = rows.Sum(r => r.Count(c => c.Length > 0));
        var headings = fromXlsx.Notes.Count(n => n.Rule == ImportRules.Heading);
        Assert.Equal(cells, summary.Placed + summary.NotPlaced + headings);
        Assert.Equal(fromText.Forms.Sum(f => f.Placed), summary.Placed);
        Assert.Equal(1, summary.FormulaText);
        Assert.Contains($"{summary.NotPlaced} cell(s) not placed, {summary.Assumptions} assumption(s) to check, {summary.Placed} cell(s) placed, 1 formula-looking", string.Join('\n', run.Summary("en")), StringComparison.Ordinal);
        Assert.Contains($"放入的单元格 {summary.Placed} 个", string.Join('\n', run.Summary("zh")), StringComparison.Ordinal);
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));

    /// <summary>A clean number Excel can hold (15 digits) as a double, through arithmetic that leaves float noise where it does; other text as text.</summary>
    private static object Typed(string cell, ref int noisy)
    {
        if (CleanNumber.Read(cell) is not { } number || number.Count(char.IsDigit) > 15)
        {
            return cell;
        }

        var value = double.Parse(number, CultureInfo.InvariantCulture);
        var computed = value + 0.1 + 0.2 - 0.3;
        if (Math.Abs(computed - value) < 1e-9 && computed != value)
        {
            noisy++;
            return computed;
        }

        return value;
    }

    /// <summary>The form's values, a number by its value (10.00 printed, 10 typed).</summary>
    private static List<string> Values(ImportedForm form) =>
    [
        form.Year?.ToString(CultureInfo.InvariantCulture) ?? "",
        .. form.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={Number(v.Value.Text)}"),
        .. form.Organisations.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}"),
        .. form.Indicators.SelectMany((row, i) => row.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{i}.{c.Key}={Number(c.Value)}")),
    ];

    private static string Number(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value.ToString("G29", CultureInfo.InvariantCulture) : text;
}
