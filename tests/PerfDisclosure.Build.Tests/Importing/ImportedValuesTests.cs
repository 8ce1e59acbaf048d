using PerfDisclosure.Build.Importing;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Importing;

/// <summary>
/// What a cell holds reaches the content file as exactly that text, whatever its characters, and a number field
/// gets only a clean number: anything else is reported at its cell and left out.
/// </summary>
public class ImportedValuesTests
{
    private static readonly string Seed = Directory.EnumerateFiles(Repo.Seeds, "004_*.txt").Single();

    public static TheoryData<string, string> Texts => new()
    {
        { "两行\n名称", "两行\n名称" },
        { "行分隔\u2028符", "行分隔\u2028符" },
        { "段分隔\u2029符", "段分隔\u2029符" },
        { "下一行\u0085符", "下一行\n符" },
        { "回车_x000D_换行", "回车\n换行" },
        { "回车_x000D_\n换行", "回车\n换行" },
        { "ESC_x001B_[31m", "ESC[31m" }, // no output can carry an ESC: left out, so the file passes check
        { "\"引号\" 与 \\ 反斜杠 # 与 : 冒号", "\"引号\" 与 \\ 反斜杠 # 与 : 冒号" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_cell_with_line_breaks_separators_or_controls_is_written_as_yaml_that_reads_back_the_same(string cell, string expected)
    {
        var rows = Rows();
        rows[4][4] = cell;   // 项目名称
        rows[11][1] = cell;  // 年度目标 (Markdown)
        var workbook = Path.Combine(Repo.TempDir("import-values"), "values.xlsx");
        XlsxFixture.Write(workbook, [("深圳", rows)]);

        var (form, _) = ImportFirst(workbook);

        Assert.Equal(expected, Scalar(form, "project_name"));
        Assert.Equal(expected, Scalar(form, "annual_goal").TrimEnd('\n'));
    }

    [Theory]
    [InlineData("48.45-")]
    [InlineData("1,2,3")]
    [InlineData("12,34.5")]
    [InlineData("４８.４５")]
    [InlineData("1e3")]
    [InlineData("48.45万元")]
    [InlineData("--48")]
    [InlineData(".5")]
    public void A_value_that_is_no_clean_number_is_reported_at_its_cell_and_never_written_into_a_number_field(string printed)
    {
        var text = Path.Combine(Repo.TempDir("import-values"), "numbers.txt");
        File.WriteAllText(text, ReplaceFirst(File.ReadAllText(Seed), "48.45", printed));

        var (form, result) = ImportFirst(text);

        var cell = Assert.Single(result.Unplaced, u => u.Text == printed);
        Assert.Equal((9, 2), (cell.Row, cell.Column));
        Assert.StartsWith("not a number for medium_term_total", cell.Reason, StringComparison.Ordinal);
        Assert.Equal("PD1002", cell.ToDiagnostic().Code);
        Assert.False(result.Forms[0].IsComplete);
        Assert.False(((YamlMappingNode)Yaml.Parse("f.yaml", form)!).Children.ContainsKey(new YamlScalarNode("medium_term_total")));
    }

    [Theory]
    [InlineData("1,234.50", "1234.50")]
    [InlineData("-48.45", "-48.45")]
    [InlineData("48", "48")]
    public void A_clean_number_is_written_without_its_thousands_separators(string printed, string written)
    {
        var text = Path.Combine(Repo.TempDir("import-values"), "numbers.txt");
        File.WriteAllText(text, ReplaceFirst(File.ReadAllText(Seed), "48.45", printed));

        var (form, result) = ImportFirst(text);

        Assert.DoesNotContain(result.Unplaced, u => u.Text == printed);
        Assert.Equal(written, Scalar(form, "medium_term_total"));
    }

    [Fact]
    public void An_indicator_weight_that_is_no_clean_number_is_reported_at_its_cell()
    {
        var table = SourceTable.FromTsv("self.txt", File.ReadAllText(Directory.EnumerateFiles(Repo.Seeds, "001_*.txt").Single()));
        var header = table.Rows.First(r => r.Any(c => c.Text == "一级指标"))[0].Row;
        var weights = table.Rows.SelectMany(r => r).Where(c => c.Row > header && c.Text == "10.00" && c.Column == 6).Take(1).ToList();
        Assert.NotEmpty(weights);
        var rows = table.Rows.Select(r => (IReadOnlyList<SourceCell>)[.. r.Select(c => c == weights[0] ? c with { Text = "10-" } : c)]).ToList();

        var result = TableImporter.Import(table with { Rows = rows }, FormImportTests.Settings);

        var cell = Assert.Single(result.Unplaced, u => u.Text == "10-");
        Assert.Equal((weights[0].Row, weights[0].Column), (cell.Row, cell.Column));
        Assert.Contains("not a number for the indicator column", cell.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Forms.SelectMany(f => f.Indicators).SelectMany(i => i.Values), v => v == "10-");
    }

    private static (string Form, ImportResult Result) ImportFirst(string source)
    {
        var content = Repo.TempDir("import-values-content");
        Directory.CreateDirectory(Path.Combine(content, "organisations"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Content, "organisations")))
        {
            File.Copy(file, Path.Combine(content, "organisations", Path.GetFileName(file)));
        }

        var settings = ImportSettings.Load(content, Repo.Templates, 2024);
        var result = FormImport.Read(source, settings);
        var written = FormImport.Write(result, Path.GetFileName(source), content, settings);

        // A form with an error is not written at all; what it would hold is what the checks below look at.
        return (result.Forms[0].IsComplete ? File.ReadAllText(written[0]) : ImportedFormWriter.Text(result.Forms[0], Path.GetFileName(source)), result);
    }

    private static string Scalar(string yaml, string key) =>
        ((YamlScalarNode)((YamlMappingNode)Yaml.Parse("f.yaml", yaml)!).Children[new YamlScalarNode(key)]).Value!;

    private static List<string[]> Rows() => [.. File.ReadAllText(Seed).ReplaceLineEndings("\n").Split('\n').Select(l => l.Split('\t').Select(c => c.Trim()).ToArray())];

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return text[..at] + with + text[(at + what.Length)..];
    }
}
