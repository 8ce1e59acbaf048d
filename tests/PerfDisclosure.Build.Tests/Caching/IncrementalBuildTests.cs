using PerfDisclosure.Build.Caching;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Caching;

/// <summary>Incremental builds: the cache is keyed by content, template and tool hashes, and never changes the output.</summary>
public class IncrementalBuildTests
{
    [Fact]
    public void Nothing_changed_renders_nothing_and_one_form_changed_renders_it_and_the_pages_that_list_it()
    {
        var (content, cache, output) = Workspace();
        var first = Build(content, cache, output);
        Assert.Equal(Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories).Count(), first.Cache.Rendered.Count);
        var before = Snapshot(output);

        // Nothing changed, but the site lost a file: the build runs, renders nothing, and puts the file back.
        File.Delete(Path.Combine(output, "robots.txt"));
        var second = Build(content, cache, output);
        SiteSnapshots.AssertSame(before, Snapshot(output)); // first: a page that differs is shown
        Assert.Empty(second.Cache.Rendered);
        Assert.Equal(first.Cache.Rendered.Count, second.Cache.Reused);

        var form = Path.Combine(content, "forms", "sz-futian-investment-promotion", "2024", "office-equipment-purchase.yaml");
        EditValue(form, "current_year_amount: 12.40", "current_year_amount: 12.50");
        var third = Build(content, cache, output);
        // Keyed by their views: the data page shows no amount, so it is not rendered again.
        Assert.Equal(
            ["index.html", "sz-futian-investment-promotion/2024/index.html", "sz-futian-investment-promotion/2024/office-equipment-purchase/index.html", "sz-futian-investment-promotion/index.html", "years/2024/index.html"],
            third.Cache.Rendered.Order(StringComparer.Ordinal));
        var after = Snapshot(output);
        var changed = after.Keys.Where(k => !before.TryGetValue(k, out var old) || old != after[k]).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("sz-futian-investment-promotion/2024/office-equipment-purchase/index.html", changed);
        Assert.All(changed, path => Assert.True(third.Cache.Rendered.Contains(path) || !path.EndsWith(".html", StringComparison.Ordinal), $"{path} changed but was not rendered"));

        // The cached build equals a build from scratch, byte for byte.
        var fresh = Path.Combine(Repo.TempDir("fresh"), "site");
        Assert.True(new SiteBuilder(new BuildOptions(content, Repo.Templates, fresh)).Build().Succeeded);
        SiteSnapshots.AssertSame(Snapshot(fresh), after);
    }

    /// <summary>An organisation-year workbook is reused while its forms are unchanged: one form changed writes its own organisation-year's again, no other.</summary>
    [Fact]
    public void One_form_changed_writes_again_only_its_organisation_years_workbook_and_the_site_equals_a_fresh_build()
    {
        var (content, cache, output) = Workspace();
        var first = Build(content, cache, output);
        var workbooks = Directory.EnumerateFiles(output, "*.xlsx", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).Where(p => p != SitePaths.SiteWorkbook).Order(StringComparer.Ordinal).ToList();
        Assert.True(workbooks.Count > 1, "the example site has more than one organisation-year");
        Assert.Equal(workbooks, first.Cache.Made.Where(p => p.EndsWith(".xlsx", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        var before = Snapshot(output);

        var form = Path.Combine(content, "forms", "sz-futian-investment-promotion", "2024", "office-equipment-purchase.yaml");
        EditValue(form, "current_year_amount: 12.40", "current_year_amount: 12.50");
        var second = Build(content, cache, output);

        // Its workbook and its form.json, nothing else that is not a page: every other form's open data is reused.
        var workbook = SitePaths.OrganisationYearWorkbook("sz-futian-investment-promotion", 2024);
        Assert.Equal(new[] { workbook, "sz-futian-investment-promotion/2024/office-equipment-purchase/form.json" }.Order(StringComparer.Ordinal), second.Cache.Made.Order(StringComparer.Ordinal));
        var after = Snapshot(output);
        Assert.All(workbooks.Where(w => w != workbook), w => Assert.Equal(before[w], after[w]));
        Assert.NotEqual(before[workbook], after[workbook]);

        var fresh = Path.Combine(Repo.TempDir("fresh"), "site");
        Assert.True(new SiteBuilder(new BuildOptions(content, Repo.Templates, fresh)).Build().Succeeded);
        SiteSnapshots.AssertSame(Snapshot(fresh), after);
    }

    [Fact]
    public void A_build_with_nothing_changed_leaves_the_site_alone_and_reports_the_same_diagnostics()
    {
        var (content, cache, output) = Workspace();
        var first = new SiteBuilder(new BuildOptions(content, Repo.Templates, output, NoPdf: true, CacheDir: cache)).Build();
        Assert.True(first.Succeeded);
        Assert.False(first.Unchanged);
        var times = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var again = new SiteBuilder(new BuildOptions(content, Repo.Templates, output, NoPdf: true, CacheDir: cache));
        var second = again.Build();

        Assert.True(second.Unchanged);
        Assert.Equal(first.Diagnostics, second.Diagnostics);
        Assert.Equal((first.FormPages, first.FilesWritten), (second.FormPages, second.FilesWritten));
        Assert.Empty(again.Cache.Rendered);
        Assert.Equal(times, Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc));
    }

    [Fact]
    public void A_form_saved_again_after_the_stamp_was_taken_keeps_the_stamp_from_describing_the_build()
    {
        var (content, cache, output) = Workspace();
        var options = new BuildOptions(content, Repo.Templates, output, NoPdf: true, CacheDir: cache);
        var stamp = BuildStamp.For(options, new ThemeFiles(options.TemplatesDir));
        Assert.NotNull(stamp);
        Assert.True(stamp.Describes(ContentLoader.Load(content, new ThemeFiles(options.TemplatesDir))));

        // An editor saves a form between the stamp and the loader: the build made from the new text must not be
        // recorded under the old text's stamp, or putting the old text back would be taken for "nothing changed".
        var form = Path.Combine(content, "forms", "sz-futian-investment-promotion", "2024", "office-equipment-purchase.yaml");
        File.WriteAllText(form, File.ReadAllText(form).Replace("current_year_amount: 12.40", "current_year_amount: 12.50", StringComparison.Ordinal));
        var loaded = ContentLoader.Load(content, new ThemeFiles(options.TemplatesDir));
        Assert.False(stamp.Describes(loaded));

        // The render cache keys each form page by its view, made from what the loader read, not from the file as it is later.
        var theme = new ThemeFiles(options.TemplatesDir);
        var site = SiteModel.Build(loaded);
        var renderer = new PageRenderer(new TemplateEngine(theme, strict: false), site);
        var fingerprints = new BuildFingerprints(theme, strict: false);
        var entry = site.Forms.Single(f => f.Form.File.EndsWith("office-equipment-purchase.yaml", StringComparison.Ordinal));
        var key = fingerprints.Of(entry.Path, renderer.Form(entry));
        File.WriteAllText(form, File.ReadAllText(form).Replace("current_year_amount: 12.50", "current_year_amount: 12.60", StringComparison.Ordinal));
        Assert.Equal(key, fingerprints.Of(entry.Path, renderer.Form(entry)));
        var reloaded = SiteModel.Build(ContentLoader.Load(content, theme));
        Assert.NotEqual(key, fingerprints.Of(entry.Path, new PageRenderer(new TemplateEngine(theme, strict: false), reloaded).Form(reloaded.Forms.Single(f => f.Path == entry.Path))));
    }

    [Fact]
    public void A_stamp_that_cannot_be_saved_costs_the_next_build_only_its_shortcut()
    {
        var (content, cache, output) = Workspace();
        Directory.CreateDirectory(Path.Combine(cache, "build-stamp.json.tmp")); // a folder where the stamp's file would go
        var options = new BuildOptions(content, Repo.Templates, output, NoPdf: true, CacheDir: cache);

        var first = new SiteBuilder(options).Build();
        var second = new SiteBuilder(options).Build();

        Assert.True(first.Succeeded);
        Assert.True(second.Succeeded);
        Assert.False(second.Unchanged);
        Assert.False(File.Exists(Path.Combine(cache, "build-stamp.json")));
        Assert.Contains("<!DOCTYPE html>", File.ReadAllText(Path.Combine(output, "index.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("content")]
    [InlineData("site")]
    [InlineData("options")]
    public void Any_change_to_the_content_the_site_or_the_options_builds_again(string what)
    {
        var (content, cache, output) = Workspace();
        var options = new BuildOptions(content, Repo.Templates, output, NoPdf: true, CacheDir: cache);
        Assert.True(new SiteBuilder(options).Build().Succeeded);
        var form = Path.Combine(content, "forms", "sz-futian-investment-promotion", "2024", "office-equipment-purchase.yaml");
        switch (what)
        {
            case "content":
                File.AppendAllText(form, "# a comment changes no value, but the file changed\n");
                break;
            case "site":
                File.WriteAllText(Path.Combine(output, "index.html"), "damaged");
                break;
            default:
                options = options with { BaseUrl = "https://example.gov.cn/budget/" };
                break;
        }

        var result = new SiteBuilder(options).Build();

        Assert.True(result.Succeeded);
        Assert.False(result.Unchanged);
        Assert.NotEqual("damaged", File.ReadAllText(Path.Combine(output, "index.html")));
    }

    [Fact]
    public void A_template_change_renders_every_page_again()
    {
        var (content, cache, output) = Workspace();
        Build(content, cache, output);
        var templates = Repo.TempDir("templates");
        Directory.CreateDirectory(Path.Combine(templates, "partials"));
        File.WriteAllText(Path.Combine(templates, "partials", "footer.sbn-html"), "<footer>changed</footer>\n");
        var builder = new SiteBuilder(new BuildOptions(content, templates, output, CacheDir: cache));
        Assert.True(builder.Build().Succeeded);
        Assert.Equal(0, builder.Cache.Reused);
        Assert.Contains("<footer>changed</footer>", File.ReadAllText(Path.Combine(output, "index.html")));
    }

    [Fact]
    public void Two_builds_of_the_same_input_are_byte_identical()
    {
        var (content, _, _) = Workspace();
        var a = Path.Combine(Repo.TempDir("a"), "site");
        var b = Path.Combine(Repo.TempDir("b"), "site");
        Assert.True(new SiteBuilder(new BuildOptions(content, Repo.Templates, a)).Build().Succeeded);
        Assert.True(new SiteBuilder(new BuildOptions(content, Repo.Templates, b, CacheDir: Repo.TempDir("cache"))).Build().Succeeded);
        var (left, right) = (Snapshot(a), Snapshot(b));
        Assert.True(left.Count > 100);
        SiteSnapshots.AssertSame(left, right);
    }

    /// <summary>The render cache keeps no second copy of a page, a form's form.json or an organisation-year workbook (issue 20): each entry is a published output under a second name, on a first build and on one that reuses it.</summary>
    [Theory]
    [InlineData("rendered")]
    [InlineData("reused")]
    public void Every_page_and_its_cache_entry_are_one_file(string how)
    {
        var (content, cache, output) = Workspace();
        var builder = Build(content, cache, output);
        if (how == "reused")
        {
            File.Delete(Path.Combine(output, "robots.txt")); // the build runs, and takes every page from the cache
            builder = Build(content, cache, output);
            Assert.Empty(builder.Cache.Rendered);
        }

        var entries = Inodes(Path.Combine(cache, "render"));
        var pages = Inodes(output).Where(p => p.Key.EndsWith(".html", StringComparison.Ordinal) || p.Key.EndsWith("/form.json", StringComparison.Ordinal) || (p.Key.EndsWith(".xlsx", StringComparison.Ordinal) && p.Key != SitePaths.SiteWorkbook)).ToList();
        Assert.True(pages.Count > 10, $"{pages.Count} pages");
        Assert.Equal(pages.Count, entries.Count);
        Assert.All(pages, page => Assert.Contains(page.Value, entries.Values));
    }

    /// <summary>A page edited in place in the published site edits its cache entry too: the entry no longer matches its hash, so the page is rendered again.</summary>
    [Fact]
    public void A_page_edited_in_the_published_site_is_rendered_again_not_reused()
    {
        var (content, cache, output) = Workspace();
        Build(content, cache, output);
        var page = Path.Combine(output, "index.html");
        var expected = File.ReadAllBytes(page);
        using (var file = new FileStream(page, FileMode.Open, FileAccess.Write))
        {
            file.Write("<!-- edited -->"u8);
        }

        var again = Build(content, cache, output);

        Assert.Contains("index.html", again.Cache.Rendered);
        Assert.Equal(expected, File.ReadAllBytes(page));
    }

    /// <summary>
    /// A new build keeps in place each output the published site still holds as the render index describes it (its
    /// manifest hash and length, and the file's size and time unchanged): its cache entry is not read. Shown with every
    /// entry removed, which a build that read them would have to render again.
    /// </summary>
    [Fact]
    public void An_output_the_published_site_still_holds_is_kept_without_reading_its_cache_entry()
    {
        var (content, cache, output) = Workspace();
        Build(content, cache, output);
        var fresh = Snapshot(output);
        foreach (var entry in Directory.EnumerateFiles(Path.Combine(cache, "render"), "*", SearchOption.AllDirectories))
        {
            File.Delete(entry); // the published files, the entries' other names, stay
        }

        File.Delete(Path.Combine(output, "robots.txt")); // the build runs
        var again = Build(content, cache, output);

        SiteSnapshots.AssertSame(fresh, Snapshot(output));
        Assert.Empty(again.Cache.Rendered);
        Assert.True(again.Cache.Reused > 10, $"{again.Cache.Reused} reused");
    }

    /// <summary>Every file under the folder with its inode number, as find(1) prints them.</summary>
    private static Dictionary<string, string> Inodes(string folder)
    {
        var find = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("find", [folder, "-type", "f", "-printf", "%P %i\n"]) { RedirectStandardOutput = true })!;
        var lines = find.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        find.WaitForExit();
        return lines.Select(l => l.Split(' ')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
    }

    /// <summary>A rebuild does not write the fonts again (6.8 MB on every save in serve); a changed asset is written.</summary>
    [Fact]
    public void A_rebuild_leaves_an_unchanged_asset_as_it_was_and_writes_a_changed_one()
    {
        var (content, cache, output) = Workspace();
        var templates = Path.Combine(Path.GetDirectoryName(content)!, "templates");
        var css = Path.Combine(templates, "assets", "site.css");
        Directory.CreateDirectory(Path.GetDirectoryName(css)!);
        var builtin = File.ReadAllText(Path.Combine(Repo.Templates, "assets", "site.css"));
        File.WriteAllText(css, builtin + "/* first */\n");
        Build(content, cache, output, templates);

        var font = Directory.EnumerateFiles(Path.Combine(output, "assets", "fonts"), "*.woff2").Order(StringComparer.Ordinal).First();
        var fontBytes = File.ReadAllBytes(font);
        var longAgo = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(font, longAgo);
        File.SetLastWriteTimeUtc(Path.Combine(output, "assets", "site.css"), longAgo);
        File.WriteAllText(css, builtin + "/* second */\n");
        Build(content, cache, output, templates);

        Assert.Equal(longAgo, File.GetLastWriteTimeUtc(font)); // the published file itself, not a copy
        Assert.Equal(fontBytes, File.ReadAllBytes(font));
        Assert.EndsWith("/* second */\n", File.ReadAllText(Path.Combine(output, "assets", "site.css")), StringComparison.Ordinal);
        Assert.NotEqual(longAgo, File.GetLastWriteTimeUtc(Path.Combine(output, "assets", "site.css")));
    }

    /// <summary>
    /// Changes a value in a form and keeps the file's date: a form without <c>updated</c> takes its date from the file,
    /// so a test that names what one value changes renders must not also move the date (a checkout made yesterday would).
    /// </summary>
    internal static void EditValue(string form, string from, string to)
    {
        var date = File.GetLastWriteTimeUtc(form);
        File.WriteAllText(form, File.ReadAllText(form).Replace(from, to, StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(form, date);
    }

    internal static (string Content, string Cache, string Output) Workspace()
    {
        var root = Repo.TempDir("incremental");
        var content = Path.Combine(root, "content");
        Repo.CopyTree(content);

        return (content, Path.Combine(root, ".cache"), Path.Combine(root, "site"));
    }

    /// <summary>
    /// Every file's SHA-256 but the marker's: it holds the site's manifest with each file's modification time, the one
    /// file that differs between two builds of the same content (<c>IncrementalPublishTests</c> compares manifests).
    /// </summary>
    internal static SortedDictionary<string, string> Snapshot(string site) =>
        new(Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).Where(f => Path.GetRelativePath(site, f) != PerfDisclosure.Build.Publishing.OutputFolder.MarkerName).ToDictionary(
            f => Path.GetRelativePath(site, f).Replace('\\', '/'),
            f =>
            {
                var bytes = File.ReadAllBytes(f);
                var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes));
                SiteSnapshots.Keep(f, hash, bytes);
                return hash;
            }), StringComparer.Ordinal);

    private static SiteBuilder Build(string content, string cache, string output, string? templates = null)
    {
        var builder = new SiteBuilder(new BuildOptions(content, templates ?? Repo.Templates, output, CacheDir: cache));
        var result = builder.Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return builder;
    }
}
