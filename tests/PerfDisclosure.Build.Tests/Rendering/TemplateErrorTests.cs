namespace PerfDisclosure.Build.Tests.Rendering;

public class TemplateErrorTests
{
    private const string FormTemplate = "templates/layouts/forms/shenzhen-target.sbn-html";
    private const string FormId = "sz-futian-investment-promotion/2024/chambers-of-commerce-building";

    private static (TestSite Site, BuildResult Result) BuildWith(string template, string text, bool strict = false)
    {
        var site = new TestSite("template-error").WithoutFindings();
        Directory.CreateDirectory(site.Output);
        File.WriteAllText(Path.Combine(site.Output, "marker.txt"), "the previous site");
        File.WriteAllText(Path.Combine(site.Output, Build.Publishing.OutputFolder.MarkerName), string.Empty);
        site.Write(template, text);
        return (site, site.Build(strict));
    }

    private static void AssertLeftAsItWas(TestSite site)
    {
        Assert.Equal([Build.Publishing.OutputFolder.MarkerName, "marker.txt"], Directory.EnumerateFileSystemEntries(site.Output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.EnumerateDirectories(site.Root, ".site.*"));
    }

    [Fact]
    public void A_syntax_error_names_the_template_line_column_and_the_form_being_rendered()
    {
        var (site, result) = BuildWith(FormTemplate, "<h1>{{ form.project_name }}</h1>\n<p>\n  {{ if }}\n");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "PD0902");
        Assert.EndsWith(FormTemplate, error.Where.File, StringComparison.Ordinal);
        Assert.Equal(3, error.Where.Line);
        Assert.InRange(error.Where.Column, 3, 10);
        Assert.Contains("sz-futian-investment-promotion/2024/", error.MessageEn, StringComparison.Ordinal);
        AssertLeftAsItWas(site);
    }

    [Fact]
    public void A_runtime_error_in_an_included_partial_names_the_partial_file_and_the_form()
    {
        var (site, result) = BuildWith("templates/partials/form-notes.sbn-html", "<p>\n{{ form.project_name | string.no_such_function }}</p>\n");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "PD0902");
        Assert.EndsWith("templates/partials/form-notes.sbn-html", error.Where.File, StringComparison.Ordinal);
        Assert.Equal(2, error.Where.Line);
        Assert.Matches("while rendering [a-z0-9-]+/20[0-9]{2}/[a-z0-9-]+", error.MessageEn);
        AssertLeftAsItWas(site);
    }

    [Theory]
    [InlineData("{{ no_such_variable }}")]
    [InlineData("{{ form.no_such_member }}")]
    public void A_missing_variable_is_an_error_under_strict(string use)
    {
        var text = File.ReadAllText(Path.Combine(PerfDisclosure.Testing.Repo.Root, FormTemplate)).Replace("{{ include \"form-notes\" }}", use, StringComparison.Ordinal);
        var (site, result) = BuildWith(FormTemplate, text, strict: true);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "PD0902");
        Assert.EndsWith(FormTemplate, error.Where.File, StringComparison.Ordinal);
        Assert.Equal(3, error.Where.Line);
        Assert.Contains(FormId.Split('/')[0], error.MessageEn, StringComparison.Ordinal);
        AssertLeftAsItWas(site);
    }

    [Fact]
    public void The_theme_reads_no_missing_variable_so_it_builds_under_strict()
    {
        var site = new TestSite("template-strict").WithoutFindings();
        var result = site.Build(strict: true);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
    }
}
