using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.EndToEnd;

/// <summary>A broken form stops the build with file:line:column and one line of reason; the previous site stays.</summary>
public class BadInputTests
{
    private const string Form = "forms/sh-minhang-investment-promotion/2026/disability-employment-fund.yaml";

    [Fact]
    public void A_yaml_syntax_error_names_its_place_and_leaves_the_site_intact()
    {
        var (content, output) = BuildOnce();
        var file = Path.Combine(content, Form);
        File.WriteAllText(file, File.ReadAllText(file).Replace("year: 2026", "year: [2026", StringComparison.Ordinal));

        var result = new SiteBuilder(new BuildOptions(content, Repo.Templates, output)).Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("PD0001", error.Code);
        Assert.EndsWith("disability-employment-fund.yaml", error.Where.File, StringComparison.Ordinal);
        Assert.True(error.Where.Line > 3);
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
        Assert.Equal(47, Directory.EnumerateFiles(output, "form.json", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public void A_missing_required_field_names_the_field_and_the_form()
    {
        var (content, output) = BuildOnce();
        var file = Path.Combine(content, Form);
        var lines = File.ReadAllLines(file).Where(l => !l.StartsWith("planned_end:", StringComparison.Ordinal));
        File.WriteAllLines(file, lines);

        var result = new SiteBuilder(new BuildOptions(content, Repo.Templates, output)).Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("PD0002", error.Code);
        Assert.Contains("planned_end", error.MessageEn, StringComparison.Ordinal);
        Assert.Contains("计划完成日期", error.Message, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(output, "sh-minhang-investment-promotion")));
    }

    [Fact]
    public void An_unknown_key_suggests_the_closest_field()
    {
        var (content, output) = BuildOnce();
        var file = Path.Combine(content, Form);
        File.WriteAllText(file, File.ReadAllText(file).Replace("planned_start:", "planed_start:", StringComparison.Ordinal));

        var result = new SiteBuilder(new BuildOptions(content, Repo.Templates, output)).Build();

        var unknown = Assert.Single(result.Diagnostics, d => d.Code == "PD0003");
        Assert.Contains("planned_start", unknown.Fix?.En, StringComparison.Ordinal);
    }

    /// <summary>A copy of content/ built once, so a later failed build has a site to leave alone.</summary>
    private static (string Content, string Output) BuildOnce()
    {
        var dir = Repo.TempDir("bad-input");
        var content = Path.Combine(dir, "content");
        Repo.CopyTree(content);

        var output = Path.Combine(dir, "site");
        Assert.True(new SiteBuilder(new BuildOptions(content, Repo.Templates, output)).Build().Succeeded);
        return (content, output);
    }
}
