using System.Text.Json;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Loading;

/// <summary>
/// "—" and "/" that an official form prints in an amount or score cell are data: a layout declares them for a number
/// field (<c>placeholders:</c>); they are shown as printed, left out of the arithmetic, and null in open data.
/// </summary>
public class PlaceholderTests
{
    private const string Layout = "templates/layouts/forms/shanghai-self-evaluation.yaml";
    private const string Form = "forms/sh-hongqiao-investment-service/2024/center-work-programme.yaml";
    private const string CarryOver = "  carry_over: {initial_budget: 0.00, full_year_budget: 0.00, execution: 0.00, execution_rate: 0.00}";

    private static TestSite Site(string placeholders, string carryOver)
    {
        var site = new TestSite("placeholders");
        var layout = File.ReadAllText(Path.Combine(Repo.Root, "templates", "layouts", "forms", "shanghai-self-evaluation.yaml"));
        // The fund rows share one anchored list of fields (&fund_row); the carry-over row is one of them.
        var rows = layout.IndexOf("&fund_row", StringComparison.Ordinal);
        foreach (var key in new[] { "initial_budget", "execution_rate" })
        {
            var at = layout.IndexOf($"{{key: {key}, ", rows, StringComparison.Ordinal);
            var end = layout.IndexOf('}', at);
            layout = layout[..end] + placeholders + layout[end..];
        }

        site.Write(Layout, layout);
        var form = site.Read(Form);
        Assert.Contains(CarryOver, form, StringComparison.Ordinal);
        site.Write(Form, form.Replace(CarryOver, carryOver, StringComparison.Ordinal));
        return site;
    }

    [Fact]
    public void A_declared_placeholder_is_printed_left_out_of_sums_and_null_in_open_data()
    {
        var site = Site(", placeholders: [—, /]", "  carry_over: {initial_budget: /, full_year_budget: 0.00, execution: 0.00, execution_rate: —}");

        var result = new SiteBuilder(site.Options() with { NoPdf = true }).Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics.Where(d => d.IsError)));
        Assert.DoesNotContain(result.Diagnostics, d => d.Where.File.EndsWith("center-work-programme.yaml", StringComparison.Ordinal) && d.Code is "PD0005" or "PD0301");
        var page = File.ReadAllText(Path.Combine(site.Output, "sh-hongqiao-investment-service", "2024", "center-work-programme", "index.html"));
        Assert.Contains(">—</td>", page, StringComparison.Ordinal);
        Assert.Contains(">/</td>", page, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(site.Output, "sh-hongqiao-investment-service", "2024", "center-work-programme", "form.json")));
        var carryOver = json.RootElement.GetProperty("fields").GetProperty("funds").GetProperty("carry_over");
        var rate = carryOver.GetProperty("execution_rate");
        Assert.Equal(JsonValueKind.Null, rate.GetProperty("value").ValueKind);
        Assert.Equal("—", rate.GetProperty("printed").GetString());
        Assert.Equal(0m, carryOver.GetProperty("full_year_budget").GetDecimal());
    }

    [Fact]
    public void A_placeholder_the_layout_does_not_declare_is_a_type_error_at_its_cell()
    {
        var site = Site(", placeholders: [—]", "  carry_over: {initial_budget: /, full_year_budget: 0.00, execution: 0.00, execution_rate: 0.00}");

        var (_, diagnostics) = new SiteBuilder(site.Options()).Check();

        var error = Assert.Single(diagnostics, d => d.IsError);
        Assert.Equal("PD0005", error.Code);
        Assert.EndsWith("center-work-programme.yaml", error.Where.File, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(", placeholders: [\"0\"]", "is a number")]
    [InlineData(", placeholders: —", "must be a list")]
    public void A_placeholder_that_cannot_be_one_is_a_layout_error(string placeholders, string message)
    {
        var site = Site(placeholders, CarryOver);

        var (_, diagnostics) = new SiteBuilder(site.Options()).Check();

        Assert.Contains(diagnostics, d => d.IsError && d.Where.File.EndsWith("shanghai-self-evaluation.yaml", StringComparison.Ordinal) && d.MessageEn.Contains(message, StringComparison.Ordinal));
    }
}
