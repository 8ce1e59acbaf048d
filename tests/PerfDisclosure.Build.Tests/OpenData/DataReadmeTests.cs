using System.Text.Json;
using AngleSharp.Html.Parser;
using PerfDisclosure.Build.OpenData;
using Sylvan.Data.Csv;

namespace PerfDisclosure.Build.Tests.OpenData;

/// <summary>
/// The data page is the data's README, in Chinese: it explains each file the Data Package and the catalog offer,
/// each column of each CSV (header, English identifier, type, a Chinese description — read against datapackage.json,
/// not the code that wrote the page), every unit the amounts are in, and the update rule — for content/ and every example site.
/// </summary>
public class DataReadmeTests
{
    [Theory]
    [MemberData(nameof(OpenDataSite.Names), MemberType = typeof(OpenDataSite))]
    public void The_data_page_explains_in_chinese_each_file_column_unit_and_the_update_rule(string name)
    {
        var site = OpenDataSite.Get(name);
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Root, "data", "index.html")));
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(site.Root, "data", "datapackage.json")));
        static bool Chinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

        // Each file: listed with a Chinese description.
        var files = page.QuerySelectorAll("#files-heading ~ .table-scroll tbody tr")
            .ToDictionary(r => r.QuerySelector("a")!.TextContent, r => r.Children[2].TextContent);
        foreach (var file in package.RootElement.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("path").GetString()!).Append("datapackage.json").Append("catalog.jsonld"))
        {
            Assert.True(files.TryGetValue(file, out var description) && Chinese(description), $"{name}: {file} is not explained");
        }

        // Each column of each CSV: its header, its identifier (the schema's title), its type and a Chinese description.
        var units = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resource in package.RootElement.GetProperty("resources").EnumerateArray().Where(r => r.TryGetProperty("schema", out _)))
        {
            var file = resource.GetProperty("path").GetString()!;
            var section = page.QuerySelectorAll("section").Single(s => s.QuerySelector("h2")?.TextContent.StartsWith(file + " ", StringComparison.Ordinal) == true);
            var shown = section.QuerySelectorAll("tbody tr").Select(r => (r.Children[0].TextContent, r.Children[1].TextContent, r.Children[2].TextContent)).ToList();
            var fields = resource.GetProperty("schema").GetProperty("fields").EnumerateArray().ToList();
            Assert.Equal(fields.Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("title").GetString()!, f.GetProperty("type").GetString()!)), shown);
            Assert.All(section.QuerySelectorAll("tbody tr"), r => Assert.True(Chinese(r.Children[3].TextContent), $"{name} {file} {r.Children[0].TextContent}: no Chinese description"));

            // Every unit that occurs in a unit column is named in that column's description.
            foreach (var unitField in fields.Where(f => f.TryGetProperty("unitField", out _)).Select(f => f.GetProperty("unitField").GetString()!).Distinct())
            {
                var description = section.QuerySelectorAll("tbody tr").Single(r => r.Children[0].TextContent == unitField).Children[3].TextContent;
                using var reader = CsvDataReader.Create(new StreamReader(Path.Combine(site.Root, "data", file)));
                while (reader.Read())
                {
                    var unit = reader.GetString(reader.GetOrdinal(unitField));
                    if (unit.Length > 0)
                    {
                        units.Add(unit);
                        Assert.Contains(unit, description, StringComparison.Ordinal);
                    }
                }
            }
        }

        Assert.NotEmpty(units);

        // The update rule and the encoding, in the README, and the date of the last change.
        var readme = page.QuerySelector("#readme-heading")!.ParentElement!.TextContent;
        Assert.Contains(site.Model.Strings["open_data.readme_update"], readme, StringComparison.Ordinal);
        Assert.Contains(site.Model.Strings["open_data.readme_encoding"], readme, StringComparison.Ordinal);
        Assert.Equal(OpenDataFacts.Modified(site.Model).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector(".lead time")!.GetAttribute("datetime"));
    }
}
