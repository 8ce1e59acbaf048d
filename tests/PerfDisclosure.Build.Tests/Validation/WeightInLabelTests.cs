using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Validation;

/// <summary>
/// Forms that print a level's weight inside its name (产出指标（50分）) are checked against the framework by the name
/// alone, once the framework declares how the weight is printed (<c>weight_in_label</c>); a site's framework adds it
/// to the Ministry's without copying it.
/// </summary>
public class WeightInLabelTests
{
    private const string Form = "forms/sz-futian-investment-promotion/2024/chambers-of-commerce-building.yaml";

    private const string Framework = """
        id: weighted
        extends: mof-shenzhen
        weight_in_label: '[(（]\s*(?<weight>\d+(\.\d+)?)\s*分\s*[)）]$'
        """;

    private static TestSite Site(bool declared)
    {
        var site = new TestSite("weight-in-label");
        var form = site.Read(Form);
        Assert.Contains("level1: 产出指标", form, StringComparison.Ordinal);
        site.Write(Form, form.Replace("level1: 产出指标", "level1: 产出指标（50分）", StringComparison.Ordinal));
        if (declared)
        {
            site.Write("templates/frameworks/weighted.yaml", Framework);
            var layout = File.ReadAllText(Path.Combine(Repo.Root, "templates", "layouts", "forms", "shenzhen-target.yaml"));
            Assert.Contains("framework: mof-shenzhen", layout, StringComparison.Ordinal);
            site.Write("templates/layouts/forms/shenzhen-target.yaml", layout.Replace("framework: mof-shenzhen", "framework: weighted", StringComparison.Ordinal));
        }

        return site;
    }

    [Fact]
    public void A_weight_printed_in_a_level_name_is_a_marker_when_the_framework_declares_it()
    {
        var (_, undeclared) = new SiteBuilder(Site(declared: false).Options()).Check();
        var (_, declared) = new SiteBuilder(Site(declared: true).Options()).Check();

        bool Unknown(PerfDisclosure.Core.Diagnostics.Diagnostic d) => d.Code == "PD0101" && d.Where.File.EndsWith("chambers-of-commerce-building.yaml", StringComparison.Ordinal);
        Assert.Contains(undeclared, Unknown);
        Assert.DoesNotContain(declared, Unknown);
        Assert.DoesNotContain(declared, d => d.IsError);
    }

    [Theory]
    [InlineData("'[(（](\\d+)分[)）]$'")] // no group named weight
    [InlineData("'(?<weight>\\d+'")] // does not compile
    [InlineData("'[(（](?<weight>\\d+)分[)）]'")] // not anchored at the end
    public void A_pattern_that_cannot_read_a_weight_is_an_error_at_its_line(string pattern)
    {
        var site = Site(declared: true);
        site.Write("templates/frameworks/weighted.yaml", $"id: weighted\nextends: mof-shenzhen\nweight_in_label: {pattern}\n");

        var (_, diagnostics) = new SiteBuilder(site.Options()).Check();

        var error = Assert.Single(diagnostics, d => d.IsError);
        Assert.Equal(("PD0011", 3), (error.Code, error.Where.Line));
        Assert.EndsWith("weighted.yaml", error.Where.File, StringComparison.Ordinal);
    }
}
