using PerfDisclosure.Build.Theme;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Rendering;

/// <summary>The lookup order of docs/templates.md: the site's templates folder first, then the built-in theme.</summary>
public class TemplateLookupTests
{
    [Fact]
    public void The_built_in_theme_serves_every_template_when_the_site_has_none()
    {
        var theme = new ThemeFiles(siteTemplatesDir: null);
        Assert.StartsWith("builtin:", theme.Find("layouts/base.sbn-html")!.DisplayPath, StringComparison.Ordinal);
        Assert.Equal(4, theme.List("layouts/forms/", ".yaml").Count());
    }

    [Fact]
    public void A_site_file_of_the_same_name_overrides_the_built_in_one()
    {
        var dir = Repo.TempDir("override");
        Directory.CreateDirectory(Path.Combine(dir, "partials"));
        File.WriteAllText(Path.Combine(dir, "partials", "footer.sbn-html"), "<footer class=\"site-footer\"><p>本站由示例区财政局维护</p></footer>");
        var output = Path.Combine(Repo.TempDir("override-site"), "site"); // outside the templates folder, which the guard refuses

        var result = new SiteBuilder(new BuildOptions(Repo.Content, dir, output)).Build();

        Assert.True(result.Succeeded);
        var home = File.ReadAllText(Path.Combine(output, "index.html"));
        Assert.Contains("本站由示例区财政局维护", home, StringComparison.Ordinal);
        Assert.Contains("class=\"site-header\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_error_names_the_template_line_and_the_page()
    {
        var dir = Repo.TempDir("broken-template");
        Directory.CreateDirectory(Path.Combine(dir, "layouts"));
        File.WriteAllText(Path.Combine(dir, "layouts", "home.sbn-html"), "<h1>{{ site.title }}</h1>\n{{ for y in years }}\n");

        var output = Path.Combine(Repo.TempDir("broken-template-site"), "site");
        var result = new SiteBuilder(new BuildOptions(Repo.Content, dir, output)).Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.EndsWith("home.sbn-html", error.Where.File, StringComparison.Ordinal);
        Assert.Equal(2, error.Where.Line);
        Assert.False(Directory.Exists(output));
    }
}
