using System.Globalization;
using System.IO.Compression;
using MiniExcelLibs;
using PerfDisclosure.Build.OpenData;
using PerfDisclosure.Build.Site;

namespace PerfDisclosure.Build.Tests.OpenData;

/// <summary>
/// A journalist downloads the spreadsheets: one per organisation-year, one for the site. Opened with a reader
/// library (MiniExcel, not the library that wrote them), every cell holds the value as published, typed.
/// </summary>
public class WorkbookTests
{
    private static readonly BuiltSite Site = BuiltSite.Content;

    public static TheoryData<string> Workbooks =>
        [SitePaths.SiteWorkbook, .. BuiltSite.Content.Model.Forms.Select(f => SitePaths.OrganisationYearWorkbook(f.Owner.Id, f.Form.Year)).Distinct()];

    [Theory]
    [MemberData(nameof(Workbooks))]
    public void Every_cell_holds_the_value_as_published_with_chinese_headers(string path) =>
        AssertWorkbook(Site.Root, Site.Model, path);

    /// <summary>The site workbook of each example site (other layouts, other columns) reads the same way.</summary>
    [Theory]
    [MemberData(nameof(OpenDataSite.Names), MemberType = typeof(OpenDataSite))]
    public void Every_sites_workbook_holds_every_value_with_chinese_headers(string name)
    {
        var site = OpenDataSite.Get(name);
        AssertWorkbook(site.Root, site.Model, SitePaths.SiteWorkbook);
    }

    /// <summary>The site workbook is made on two threads (its sheets' XML on one, compressed on the other): the same bytes as on one.</summary>
    [Fact]
    public void The_site_workbook_made_on_two_threads_is_byte_for_byte_the_one_made_on_one()
    {
        var model = Site.Model;
        var piped = WorkbookStage.Workbook(model, model.Forms, TestContext.Current.CancellationToken, piped: true);
        Assert.Equal(WorkbookStage.Workbook(model, model.Forms, TestContext.Current.CancellationToken), piped);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Site.Root, SitePaths.SiteWorkbook)), piped);
    }

    private static void AssertWorkbook(string root, SiteModel model, string path)
    {
        var file = Path.Combine(root, path);
        var forms = path == SitePaths.SiteWorkbook
            ? model.Forms
            : model.Forms.Where(f => SitePaths.OrganisationYearWorkbook(f.Owner.Id, f.Form.Year) == path).ToList();
        var tables = new[] { OpenDataTables.Forms(model.Strings), OpenDataTables.Indicators(model.Strings, forms.Select(f => f.Layout).Distinct()) };
        Assert.Equal(tables.Select(t => t.Title), MiniExcel.GetSheetNames(file));
        foreach (var table in tables)
        {
            var expected = table.RowsOf(model, forms).ToList();
            var rows = MiniExcel.Query(file, useHeaderRow: false, sheetName: table.Title).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
            Assert.Equal(table.Columns.Select(c => (object?)c.Name), rows[0].Take(table.Columns.Count));
            Assert.Contains(rows[0], h => h is string s && s.Any(c => c is >= '\u4e00' and <= '\u9fff'));
            Assert.Equal(expected.Count, rows.Count - 1);
            for (var r = 0; r < expected.Count; r++)
            {
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var actual = c < rows[r + 1].Count ? rows[r + 1][c] : null;
                    Assert.True(Same(expected[r][c], actual), $"{path} {table.Title} row {r + 2} {table.Columns[c].Name}: expected {expected[r][c]}, read {actual}");
                }
            }
        }
    }

    [Fact]
    public void No_cell_is_a_formula_and_no_text_carries_an_apostrophe_and_amounts_keep_their_printed_format()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(Site.Root, SitePaths.SiteWorkbook));
        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Select(e => new StreamReader(e.Open()).ReadToEnd()).ToList();
        Assert.Equal(2, sheets.Count);
        Assert.All(sheets, s => Assert.DoesNotContain(":f>", s, StringComparison.Ordinal));
        Assert.All(sheets, s => Assert.DoesNotContain(">'", s, StringComparison.Ordinal));
        Assert.Contains(">=100.00(%)<", sheets[1], StringComparison.Ordinal);
        var styles = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open()).ReadToEnd();
        Assert.Contains("formatCode=\"#,##0.00\"", styles, StringComparison.Ordinal);
        Assert.Contains("formatCode=\"yyyy-mm-dd\"", styles, StringComparison.Ordinal);
    }

    [Fact]
    public void Organisation_year_page_and_data_page_link_their_spreadsheets()
    {
        var entry = Site.Model.Forms[0];
        var page = Site.Read(SitePaths.OrganisationYear(entry.Owner.Id, entry.Form.Year) + "index.html");
        Assert.Contains($"href=\"{Path.GetFileName(SitePaths.OrganisationYearWorkbook(entry.Owner.Id, entry.Form.Year))}\"", page, StringComparison.Ordinal);
        Assert.Matches("href=\"[./]*(data/)?forms\\.xlsx\"", Site.Read("data/index.html"));
    }

    /// <summary>What the reader gives for a cell (double, string, bool, DateTime) against the value the table wrote.</summary>
    private static bool Same(object? expected, object? actual) => expected switch
    {
        null => actual is null || (actual is string s && s.Length == 0),
        PrintedNumber p => actual is double d && (decimal)d == p.Number,
        decimal m => actual is double d && (decimal)d == m,
        int i => actual is double d && d == i,
        bool b => actual is bool a && a == b,
        DateOnly date => actual is DateTime t && DateOnly.FromDateTime(t) == date,
        _ => actual is string s && s == Convert.ToString(expected, CultureInfo.InvariantCulture),
    };
}
