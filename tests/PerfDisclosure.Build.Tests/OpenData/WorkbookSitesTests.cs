using System.Globalization;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Tests.Browser;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.OpenData;

/// <summary>
/// The site's spreadsheet on every example site and on <see cref="OwnLayoutSite"/>, read back with MiniExcel and
/// compared with the forms as loaded (not with the tables that wrote it): Chinese headers, each form's project name
/// and headline amount, and each indicator row's values exactly as written (text as text, numbers as numbers).
/// </summary>
public partial class WorkbookSitesTests
{
    public static TheoryData<string> Sites() => [.. ReadingSite.All.Where(s => s.Name != "content").Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Sites))]
    public void The_site_workbook_holds_every_form_and_indicator_value_as_written_under_chinese_headers(string name)
    {
        var reading = ReadingSite.All.Single(s => s.Name == name);
        var output = Path.Combine(Repo.TempDir("workbook-" + name), "site");
        var result = new SiteBuilder(new BuildOptions(reading.Content, reading.Templates, output, NoPdf: true)).Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.IsError)));
        var file = Path.Combine(output, SitePaths.SiteWorkbook);
        var sheets = MiniExcel.GetSheetNames(file);
        Assert.Equal(2, sheets.Count);
        var (formRows, indicatorRows) = (Rows(file, sheets[0]), Rows(file, sheets[1]));
        Assert.All(formRows[0].Concat(indicatorRows[0]), h => Assert.Matches(Han(), $"{h}"));

        foreach (var entry in reading.Model().Forms)
        {
            var form = Assert.Single(formRows.Skip(1), r => r.Contains(entry.Form.ProjectName));
            if (entry.Amount is { } amount)
            {
                Assert.Contains(form, v => v is not string && Number(v) == amount);
            }

            foreach (var row in entry.Form.Indicators.Where(r => r.Level3 is not null))
            {
                var read = indicatorRows.Skip(1).Where(r => r.Contains(entry.Form.ProjectName) && r.Contains(row.Level3!.Value)).ToList();
                Assert.NotEmpty(read);
                foreach (var cell in row.Cells.Keys.Select(k => row.Cells[k]!))
                {
                    switch (cell)
                    {
                        case TextValue or MeasuredValue or PlaceholderValue:
                            Assert.True(read.Any(r => r.Contains(cell.Text)), $"{name} {entry.Form.Id} {row.Level3!.Value}: '{cell.Text}' not read back");
                            break;
                        case NumberValue n:
                            Assert.True(read.Any(r => r.Any(v => v is not string && Number(v) == n.Number)), $"{name} {entry.Form.Id} {row.Level3!.Value}: {n.Number} not read back as a number");
                            break;
                    }
                }
            }
        }
    }

    private static List<List<object?>> Rows(string file, string sheet) =>
        [.. MiniExcel.Query(file, useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList())];

    private static decimal? Number(object? v) => v switch
    {
        double d => (decimal)d,
        decimal m => m,
        int i => i,
        long l => l,
        _ => null,
    };

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
