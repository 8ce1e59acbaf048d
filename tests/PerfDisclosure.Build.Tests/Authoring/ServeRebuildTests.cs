using PerfDisclosure.Build.Authoring;
using PerfDisclosure.Build.Tests.Caching;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Authoring;

/// <summary>
/// serve's rebuild path, in process: what one rebuild keeps for the next (the parse memory, the search memory, the
/// render cache keyed by each form page's inputs) and the downloads published after the pages never change what is
/// published. After each kind of change the served site equals, file for file and byte for byte, a clean build of the
/// same content with serve's options and no cache.
/// </summary>
public class ServeRebuildTests
{
    private const string Form = "forms/sz-futian-investment-promotion/2024/office-equipment-purchase.yaml";

    [Fact]
    public void After_an_edit_a_deletion_an_addition_a_touch_and_a_template_change_the_served_site_equals_a_clean_build()
    {
        var (content, cache, output) = IncrementalBuildTests.Workspace();
        var templates = Directory.CreateDirectory(Repo.TempDir("serve-templates")).FullName;
        var options = new BuildOptions(content, templates, output, CacheDir: cache);
        var log = new StringWriter();
        var server = new PreviewServer(options, 0, log);
        server.Rebuild();
        var forms = Directory.GetFiles(Path.Combine(content, "forms"), "*.yaml", SearchOption.AllDirectories).Length;
        AssertRebuilt(log, $"{forms} form file(s) parsed, 0 unchanged");

        // One form edited: it alone is parsed again, and only the pages that show it are rendered.
        var form = Path.Combine(content, Form);
        File.WriteAllText(form, File.ReadAllText(form).Replace("current_year_amount: 12.40", "current_year_amount: 12.50", StringComparison.Ordinal));
        server.Rebuild();
        AssertRebuilt(log, $"1 form file(s) parsed, {forms - 1} unchanged");
        Assert.DoesNotContain(" 0 page(s) rendered", LastLine(log), StringComparison.Ordinal);

        // Only the pages that changed are read for the search index, and the downloads are published after the pages.
        Assert.Matches(@", [1-5] page\(s\) indexed, [1-9][0-9]* unchanged;", LastLine(log));
        Assert.EndsWith("; the downloads follow", LastLine(log), StringComparison.Ordinal);
        Assert.StartsWith("downloads rebuilt in ", log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(), StringComparison.Ordinal);
        AssertSameAsClean(options);

        // The unchanged pages are kept where they are published (not read back from the cache), and only the edited
        // form is validated again.
        Assert.Matches(@" unchanged \([1-9][0-9]* kept in place\), ", LastLine(log));
        Assert.Contains($", 1 form(s) validated, {forms - 1} unchanged, ", LastLine(log), StringComparison.Ordinal);

        // A published page edited by hand, of a form that did not change: kept in place no more, it is written again.
        var other = Directory.GetFiles(output, "index.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .First(p => p.Contains("sz-futian-investment-promotion", StringComparison.Ordinal) && !p.Contains("office-equipment-purchase", StringComparison.Ordinal) && Path.GetDirectoryName(p)!.Split(Path.DirectorySeparatorChar).Length > output.Split(Path.DirectorySeparatorChar).Length + 2);
        File.AppendAllText(other, "<!-- edited in the site -->");
        File.WriteAllText(form, File.ReadAllText(form).Replace("current_year_amount: 12.50", "current_year_amount: 12.55", StringComparison.Ordinal));
        server.Rebuild();
        Assert.DoesNotContain("edited in the site", File.ReadAllText(other), StringComparison.Ordinal);
        File.WriteAllText(form, File.ReadAllText(form).Replace("current_year_amount: 12.55", "current_year_amount: 12.50", StringComparison.Ordinal));
        server.Rebuild();
        AssertSameAsClean(options);

        // A form deleted: its page goes, and so do the links other pages had to it.
        var deleted = Directory.GetFiles(Path.Combine(content, "forms", "sz-futian-investment-promotion", "2024"), "*.yaml").Order(StringComparer.Ordinal).First(f => f != form);
        File.Delete(deleted);
        server.Rebuild();
        AssertRebuilt(log, $"0 form file(s) parsed, {forms - 1} unchanged");
        AssertSameAsClean(options);

        // A form added: the same project a year later, so each of the two pages lists the other's year and amount.
        var later = Path.Combine(content, "forms", "sz-futian-investment-promotion", "2025", "office-equipment-purchase.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(later)!);
        File.WriteAllText(later, File.ReadAllText(form).Replace("\nyear: 2024\n", "\nyear: 2025\n", StringComparison.Ordinal));
        server.Rebuild();
        AssertRebuilt(log, $"1 form file(s) parsed, {forms - 1} unchanged");
        Assert.Contains("2025/office-equipment-purchase/", File.ReadAllText(Path.Combine(output, "sz-futian-investment-promotion", "2024", "office-equipment-purchase", "index.html")), StringComparison.Ordinal);
        AssertSameAsClean(options);

        // The earlier form edited again: the later one's page, which shows its amount, is rendered again too.
        File.WriteAllText(form, File.ReadAllText(form).Replace("current_year_amount: 12.50", "current_year_amount: 12.60", StringComparison.Ordinal));
        server.Rebuild();
        AssertRebuilt(log, $"1 form file(s) parsed, {forms - 1} unchanged");
        AssertSameAsClean(options);

        // Saved again with the same bytes: not parsed again, but its file date (shown when no date is written) follows.
        File.SetLastWriteTimeUtc(form, new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc));
        server.Rebuild();
        AssertRebuilt(log, $"0 form file(s) parsed, {forms} unchanged");
        Assert.Contains("2021-03-04", File.ReadAllText(Path.Combine(output, Path.ChangeExtension(Form, null)!.Replace("forms/", string.Empty, StringComparison.Ordinal), "index.html")), StringComparison.Ordinal);
        AssertSameAsClean(options);

        // A template changed: every form is parsed and every page rendered again.
        Directory.CreateDirectory(Path.Combine(templates, "partials"));
        File.WriteAllText(Path.Combine(templates, "partials", "footer.sbn-html"), "<footer>changed</footer>\n");
        server.Rebuild();
        AssertRebuilt(log, $"{forms} form file(s) parsed, 0 unchanged");
        Assert.Contains(" 0 unchanged, ", LastLine(log), StringComparison.Ordinal);
        Assert.Contains(" page(s) indexed, 0 unchanged;", LastLine(log), StringComparison.Ordinal);
        AssertSameAsClean(options);
    }

    /// <summary>serve builds HTML only, with drafts: the clean build is given the same options, no cache and no memory.</summary>
    private static void AssertSameAsClean(BuildOptions options)
    {
        var clean = Path.Combine(Repo.TempDir("serve-clean"), "site");
        var result = new SiteBuilder(options with { OutputDir = clean, CacheDir = null, NoPdf = true, Drafts = true }).Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var (served, fresh) = (IncrementalBuildTests.Snapshot(options.OutputDir), IncrementalBuildTests.Snapshot(clean));
        Assert.Equal(fresh.Keys, served.Keys);
        Assert.All(fresh.Keys, path => Assert.True(fresh[path] == served[path], $"{path} differs from a clean build"));
    }

    private static void AssertRebuilt(StringWriter log, string parsed)
    {
        var line = LastLine(log);
        Assert.StartsWith("rebuilt (HTML)", line, StringComparison.Ordinal);
        Assert.Contains(parsed, line, StringComparison.Ordinal);
    }

    private static string LastLine(StringWriter log) => log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(l => l.StartsWith("rebuilt", StringComparison.Ordinal) || l.StartsWith("build failed", StringComparison.Ordinal));
}
