using System.Text.Json;

namespace PerfDisclosure.Build.Tests.EndToEnd;

/// <summary>site/data/forms.json: one record per form, every field of the form, and the page's url.</summary>
public class FormsJsonTests
{
    private static readonly BuiltSite Site = BuiltSite.Content;

    [Fact]
    public void Forms_json_round_trips_every_form()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Site.Root, "data", "forms.json")));
        var records = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(47, records.Count);

        foreach (var record in records)
        {
            var form = Site.Model.Content.Forms.Single(f => f.Id == record.GetProperty("id").GetString());
            var url = record.GetProperty("url").GetString()!;
            Assert.True(File.Exists(Path.Combine(Site.Root, url, "index.html")), $"{url} has no page");
            Assert.Equal(form.ProjectName, record.GetProperty("project_name").GetString());
            Assert.Equal(form.Year, record.GetProperty("year").GetInt32());

            var fields = record.GetProperty("fields");
            Assert.Equal(form.Fields.Keys, fields.EnumerateObject().Select(p => p.Name));
            var indicators = record.GetProperty("indicators").EnumerateArray().ToList();
            Assert.Equal(form.Indicators.Count, indicators.Count);
            for (var i = 0; i < indicators.Count; i++)
            {
                var row = form.Indicators[i];
                Assert.Equal(row.Level3?.Value, indicators[i].TryGetProperty("level3", out var l3) ? l3.GetString() : null);
                if (row["target"] is { } target)
                {
                    Assert.Equal(target.Text, indicators[i].GetProperty("target").GetProperty("published").GetString());
                }
            }
        }
    }

    [Fact]
    public void Amounts_are_numbers_in_the_layouts_unit()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Site.Root, "data", "forms.json")));
        var fund = json.RootElement.EnumerateArray().Single(r => r.GetProperty("project_name").GetString() == "残疾人就业保障金");
        Assert.Equal(56000.00m, fund.GetProperty("fields").GetProperty("funds").GetProperty("annual_requested").GetDecimal());
        Assert.Equal("元", fund.GetProperty("amount_unit").GetString());
    }
}
