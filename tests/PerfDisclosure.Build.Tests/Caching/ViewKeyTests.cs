using System.Text.RegularExpressions;
using PerfDisclosure.Build.Caching;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Pdf;
using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Testing;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Tests.Caching;

/// <summary>
/// The render cache keys each page by what its template is given (its view), so no option or input can change a
/// page without changing its key — first seen as <c>build --no-pdf</c>, then <c>build</c>, publishing PDFs no page linked.
/// </summary>
public partial class ViewKeyTests
{
    /// <summary>The reproduction: <c>build --no-pdf</c>, then <c>build</c> with the same cache folder.</summary>
    [Fact]
    public void A_build_with_pdfs_after_one_without_links_every_pdf_it_publishes()
    {
        RequirePdfEngine();
        var (content, cache, output) = SmallWorkspace();
        Assert.True(Build(new BuildOptions(content, Repo.Templates, output, NoPdf: true, CacheDir: cache)).Succeeded);
        Assert.Empty(Directory.EnumerateFiles(output, "*.pdf", SearchOption.AllDirectories));

        var builder = new SiteBuilder(new BuildOptions(content, Repo.Templates, output, RequirePdf: true, CacheDir: cache));
        var result = builder.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var published = Directory.EnumerateFiles(output, "*.pdf", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(published);
        Assert.Equal(published, PdfLinks(output));
        // The form pages, which link their PDFs now, were rendered again rather than copied from the cache.
        Assert.Contains(builder.Cache.Rendered, p => p.EndsWith("index.html", StringComparison.Ordinal) && p.Count(c => c == '/') == 3);
    }

    /// <summary>The other way round: a build without PDFs after one with them links no PDF it does not publish.</summary>
    [Fact]
    public void A_build_without_pdfs_after_one_with_them_links_no_pdf()
    {
        RequirePdfEngine();
        var (content, cache, output) = SmallWorkspace();
        Assert.True(Build(new BuildOptions(content, Repo.Templates, output, RequirePdf: true, CacheDir: cache)).Succeeded);
        Assert.NotEmpty(PdfLinks(output));

        Assert.True(Build(new BuildOptions(content, Repo.Templates, output, NoPdf: true, CacheDir: cache)).Succeeded);

        Assert.Empty(Directory.EnumerateFiles(output, "*.pdf", SearchOption.AllDirectories));
        Assert.Empty(PdfLinks(output));
    }

    /// <summary>Any option that changes what a page shows (here the base URL, which reaches even the 404 page's link function) renders it again; the cached build equals a fresh one.</summary>
    [Theory]
    [InlineData("https://example.gov.cn/budget/")]
    [InlineData("/budget/")]
    public void An_option_that_changes_a_pages_view_renders_it_again_and_the_cached_build_equals_a_fresh_one(string baseUrl)
    {
        var (content, cache, output) = IncrementalBuildTests.Workspace();
        Assert.True(Build(new BuildOptions(content, Repo.Templates, output, NoPdf: true, CacheDir: cache)).Succeeded);

        var builder = new SiteBuilder(new BuildOptions(content, Repo.Templates, output, BaseUrl: baseUrl, NoPdf: true, CacheDir: cache));
        Assert.True(builder.Build().Succeeded);

        Assert.Contains("404.html", builder.Cache.Rendered);
        Assert.Contains("index.html", builder.Cache.Rendered);
        var fresh = Path.Combine(Repo.TempDir("fresh"), "site");
        Assert.True(Build(new BuildOptions(content, Repo.Templates, fresh, BaseUrl: baseUrl, NoPdf: true)).Succeeded);
        SiteSnapshots.AssertSame(IncrementalBuildTests.Snapshot(fresh), IncrementalBuildTests.Snapshot(output));
    }

    /// <summary>Two views that differ anywhere a template can look have different keys; the same view made twice has one key.</summary>
    [Theory]
    [InlineData("a nested value")]
    [InlineData("a value's type")]
    [InlineData("a decimal's scale")]
    [InlineData("a list's order")]
    [InlineData("a value a function captured")]
    [InlineData("the template")]
    public void Views_that_differ_anywhere_have_different_keys(string where)
    {
        var fingerprints = new BuildFingerprints(new ThemeFiles(Repo.Templates), strict: false);
        var same = fingerprints.Of("p/index.html", View());
        Assert.Equal(same, fingerprints.Of("p/index.html", View()));

        var other = View();
        var form = (ScriptObject)other.Globals["form"]!;
        switch (where)
        {
            case "a nested value":
                ((ScriptObject)form["owner"]!)["name"] = "另一单位";
                break;
            case "a value's type":
                form["year"] = "2024";
                break;
            case "a decimal's scale":
                form["amount"] = 12.40m;
                break;
            case "a list's order":
                form["rows"] = new List<string> { "b", "a" };
                break;
            case "a value a function captured":
                other.Globals.Remove("href");
                var root = "../../other/";
                other.Globals.Import("href", new Func<string, string>(to => root + to));
                break;
            default:
                other = other with { Template = "layouts/other.sbn-html" };
                break;
        }

        Assert.NotEqual(same, fingerprints.Of("p/index.html", other));
    }

    /// <summary>The seed pages' views each have a key of their own, and rendering a view leaves its key unchanged.</summary>
    [Fact]
    public void Rendering_a_view_does_not_change_its_key()
    {
        var theme = new ThemeFiles(Repo.Templates);
        var site = SiteModel.Build(ContentLoader.Load(Repo.Content, theme));
        var renderer = new PageRenderer(new TemplateEngine(theme, strict: false), site, pdfLinks: true);
        var fingerprints = new BuildFingerprints(theme, strict: false);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in site.Forms)
        {
            var view = renderer.Form(entry);
            var key = fingerprints.Of(entry.Path, view);
            Assert.Contains(".pdf", renderer.Render(view), StringComparison.Ordinal);
            Assert.Equal(key, fingerprints.Of(entry.Path, view));
            Assert.True(keys.Add(key));
        }
    }

    private static PageView View()
    {
        var path = "p/";
        var globals = new ScriptObject
        {
            ["form"] = new ScriptObject
            {
                ["owner"] = new ScriptObject { ["name"] = "单位" },
                ["year"] = 2024,
                ["amount"] = 12.4m,
                ["rows"] = new List<string> { "a", "b" },
            },
        };
        globals.Import("href", new Func<string, string>(to => SitePaths.Link(path, to)));
        return new PageView("layouts/forms/shenzhen-target.sbn-html", globals, "p");
    }

    /// <summary>content/ with one organisation's three forms: PDFs print in seconds.</summary>
    internal static (string Content, string Cache, string Output) SmallWorkspace()
    {
        var (content, cache, output) = IncrementalBuildTests.Workspace();
        foreach (var other in Directory.EnumerateDirectories(Path.Combine(content, "forms")).Where(d => !d.EndsWith("sh-hongqiao-investment-service", StringComparison.Ordinal)))
        {
            Directory.Delete(other, recursive: true);
        }

        return (content, cache, output);
    }

    /// <summary>The default engine's tests: the PDF engine installed (npm ci --prefix pdf-engine), else skip locally, fail under CI.</summary>
    internal static void RequirePdfEngine()
    {
        if (TypstEngine.Find().Folder is null)
        {
            if (Repo.InCi)
            {
                Assert.Fail($"this test prints PDFs: {TypstEngine.InstallHint}");
            }

            Assert.Skip($"this test prints PDFs: {TypstEngine.InstallHint}");
        }
    }

    /// <summary>The site-relative PDFs that the site's pages link, each once, in order.</summary>
    private static List<string> PdfLinks(string output) =>
        [.. Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
            .SelectMany(page => PdfHref().Matches(File.ReadAllText(page)).Select(m => Path.GetRelativePath(output, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, m.Groups[1].Value))).Replace('\\', '/')))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static BuildResult Build(BuildOptions options)
    {
        var result = new SiteBuilder(options).Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return result;
    }

    [GeneratedRegex("href=\"([^\"#?]+\\.pdf)\"")]
    private static partial Regex PdfHref();
}
