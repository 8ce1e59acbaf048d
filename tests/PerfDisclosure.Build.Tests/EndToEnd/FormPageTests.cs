using AngleSharp.Dom;
using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.EndToEnd;

/// <summary>Every seed form's page holds its official table: every indicator name and value, merged cells that add up, header associations.</summary>
public class FormPageTests
{
    private static readonly BuiltSite Site = BuiltSite.Content;

    public static TheoryData<string> FormIds()
    {
        var content = Build.Loading.ContentLoader.Load(Repo.Content, new Build.Theme.ThemeFiles(Repo.Templates));
        return [.. content.Forms.Select(f => f.Id).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void The_build_succeeds_with_one_page_per_form()
    {
        Assert.True(Site.Result.Succeeded, string.Join("\n", Site.Result.Diagnostics));
        Assert.Equal(47, Site.Result.FormPages);
        Assert.Equal(47, Directory.EnumerateFiles(Site.Root, "form.json", SearchOption.AllDirectories).Count());
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void The_table_holds_every_indicator_name_and_value(string id)
    {
        var form = Site.Model.Content.Forms.Single(f => f.Id == id);
        var table = OfficialTable(id);
        var cells = table.QuerySelectorAll("th, td").Select(c => Normalise(c.TextContent)).ToList();
        foreach (var row in form.Indicators)
        {
            foreach (var level in new[] { row.Level1, row.Level2, row.Level3 }.OfType<TextValue>())
            {
                Assert.Contains(Normalise(level.Value), cells);
            }

            foreach (var key in row.Cells.Keys)
            {
                var expected = Normalise(row.Cells[key] switch
                {
                    NumberValue n => Html.FormatNumber(n.Number, "0.00"),
                    MarkdownValue m => MarkdownRenderer.PlainText(m.Source),
                    var v => v!.Text,
                });
                Assert.True(cells.Any(c => c.Contains(expected, StringComparison.Ordinal)), $"{id}: indicator {row.Index + 1} {key} '{expected}' not in the table");
            }
        }
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void Every_row_spans_the_same_number_of_columns(string id)
    {
        var table = OfficialTable(id);
        var widths = GridWidths(table.QuerySelectorAll("tr").ToList());
        Assert.True(widths.Distinct().Count() == 1, $"{id}: ragged rows, widths {string.Join(",", widths)}");
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void Every_indicator_cell_names_its_column_and_row_headers(string id)
    {
        var table = OfficialTable(id);
        var ids = table.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
        var indicatorCells = table.QuerySelectorAll("tbody.indicators tr")
            .Where(tr => tr.QuerySelector("th[id$='-l3']") is not null)
            .SelectMany(tr => tr.QuerySelectorAll("td"))
            .ToList();
        var form = Site.Model.Content.Forms.Single(f => f.Id == id);
        Assert.Equal(form.Indicators.Count * Site.Model.Content.Layouts[form.LayoutId].IndicatorColumns.Count, indicatorCells.Count);
        foreach (var cell in indicatorCells)
        {
            var headers = (cell.GetAttribute("headers") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.All(headers, h => Assert.Contains(h, ids));
            Assert.Contains(headers, h => h.StartsWith("col-", StringComparison.Ordinal));
            Assert.Contains(headers, h => h.EndsWith("-l1", StringComparison.Ordinal));
            Assert.Contains(headers, h => h.EndsWith("-l2", StringComparison.Ordinal));
            Assert.Contains(headers, h => h.EndsWith("-l3", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void The_page_has_one_h1_a_caption_and_scoped_headers(string id)
    {
        var page = Site.Page(id);
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Single(page.QuerySelectorAll("h1"));
        var table = OfficialTable(id);
        Assert.NotNull(table.QuerySelector("caption"));
        Assert.All(table.QuerySelectorAll("th"), th => Assert.True(th.HasAttribute("scope") || th.HasAttribute("headers"), $"{id}: th without scope: {th.TextContent}"));
        Assert.Empty(page.QuerySelectorAll("script[src^='http'], link[href^='http'][rel=stylesheet], img[src^='http']"));
    }

    private IElement OfficialTable(string id) => Site.Page(id).QuerySelector("table.official-form") ?? throw new InvalidOperationException($"{id}: no official table");

    /// <summary>The width of each row in grid columns, counting cells that rowspans from above carry down.</summary>
    private static List<int> GridWidths(IReadOnlyList<IElement> rows)
    {
        var carried = new List<int>(); // remaining rows each carried cell still covers, per column
        var widths = new List<int>();
        foreach (var row in rows)
        {
            var width = 0;
            var column = 0;
            var next = new List<int>();
            void Carry()
            {
                while (column < carried.Count && carried[column] > 0)
                {
                    next.Add(carried[column] - 1);
                    column++;
                    width++;
                }
            }

            foreach (var cell in row.Children.Where(c => c.LocalName is "th" or "td"))
            {
                Carry();
                var colspan = int.TryParse(cell.GetAttribute("colspan"), out var c) ? c : 1;
                var rowspan = int.TryParse(cell.GetAttribute("rowspan"), out var r) ? r : 1;
                for (var i = 0; i < colspan; i++)
                {
                    next.Add(rowspan - 1);
                    column++;
                    width++;
                }
            }

            Carry();
            carried = next;
            widths.Add(width);
        }

        return widths;
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
