using System.Diagnostics;
using System.Text;
using PerfDisclosure.Build.Tests.Validation;
using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Tests.Loading;

/// <summary>
/// Nothing outside content/ and templates/ is read into the site (#14 item 2): a link under either folder that leads
/// outside it, a loop of links, a FIFO — each is refused with one error naming it, the build stops before anything
/// is published, and no byte of the target reaches a diagnostic. Real links, a real FIFO, on disk.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // symbolic links and FIFOs as Unix makes them
public class ConfinementTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    /// <summary>Where the link goes: a system file, or a file beside content/ holding a marker.</summary>
    public static TheoryData<string, string> OutsideFiles => new()
    {
        { "pages/env.md", "/proc/self/environ" },
        { "pages/passwd.md", "/etc/passwd" },
        { "forms/sz-futian-investment-promotion/2024/passwd.yaml", "/etc/passwd" },
        { "organisations/passwd.yaml", "/etc/passwd" },
        { "pages/beside.md", "../../secret.md" },
        { "pages/beside-absolute.md", "{root}/secret.md" },
        { "pages/through-a-folder-link.md", "../forms/../../secret.md" },
        { "templates/partials/passwd.html", "/etc/passwd" },
        { "templates/assets/env.txt", "/proc/self/environ" },
        { "templates/layouts/forms/passwd.yaml", "/etc/passwd" },
    };

    [Theory]
    [MemberData(nameof(OutsideFiles))]
    public void A_link_to_a_file_outside_is_an_error_naming_the_link_and_nothing_of_it_is_read(string link, string target)
    {
        var site = new TestSite("confined-file");
        File.WriteAllText(Path.Combine(site.Root, "secret.md"), "---\ntitle: SECRET-MARKER\n---\nSECRET-MARKER\n");
        var path = Link(site, link, target.Replace("{root}", site.Root, StringComparison.Ordinal));

        var built = site.Build();

        var error = Assert.Single(built.Diagnostics, d => d.Code == "PD0708");
        BothLanguages.Said(error);
        Assert.EndsWith(link, error.Where.File, StringComparison.Ordinal);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.False(built.Succeeded);
        Assert.False(Directory.Exists(site.Output));
        AssertNothingOf(built.Diagnostics, target.StartsWith('/') && !target.StartsWith(site.Root, StringComparison.Ordinal) ? File.ReadAllBytes(target) : []);
        Assert.DoesNotContain(site.Load().Pages, p => p.Title.Contains("SECRET", StringComparison.Ordinal) || p.Markdown.Contains("SECRET", StringComparison.Ordinal));
        Assert.True(File.Exists(path) || Directory.Exists(path));
    }

    [Theory]
    [InlineData("pages/etc", "/etc")]
    [InlineData("forms/outside", "{root}/elsewhere")]
    [InlineData("templates/partials", "{root}/elsewhere")]
    public void A_link_to_a_folder_outside_is_one_error_and_none_of_its_files_is_read(string link, string target)
    {
        var site = new TestSite("confined-folder");
        var elsewhere = Path.Combine(site.Root, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "secret.md"), "SECRET-MARKER");
        File.WriteAllText(Path.Combine(elsewhere, "office-copy.yaml"), site.Read(TestSite.SeedForm).Replace("商协会建设", "SECRET-MARKER", StringComparison.Ordinal));

        Link(site, link, target.Replace("{root}", site.Root, StringComparison.Ordinal), folder: true);
        var built = site.Build();

        var error = Assert.Single(built.Diagnostics, d => d.Code == "PD0708");
        Assert.EndsWith(link, error.Where.File, StringComparison.Ordinal);
        Assert.False(built.Succeeded);
        Assert.DoesNotContain(site.Load().Forms, f => f.ProjectName.Contains("SECRET", StringComparison.Ordinal));
        Assert.DoesNotContain(built.Diagnostics, d => d.ToString().Contains("SECRET", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("pages/self.md", "self.md", false)]
    [InlineData("pages/a.md", "b.md", false)]
    [InlineData("forms/again", "..", true)]
    [InlineData("forms/sz-futian-investment-promotion/2024/deeper", ".", true)]
    [InlineData("root", ".", true)]
    public void A_loop_of_links_is_one_error_per_link_not_one_per_turn(string link, string target, bool folder)
    {
        var site = new TestSite("confined-loop");
        Link(site, link, target, folder);
        if (link == "pages/a.md")
        {
            Link(site, "pages/b.md", "a.md");
        }

        var built = Within(Patience, () => site.Build());

        var errors = built.Diagnostics.Where(d => d.Code == "PD0708").ToList();
        Assert.Equal(link == "pages/a.md" ? 2 : 1, errors.Count);
        Assert.All(errors, e => Assert.True(e.Where.File.EndsWith(link, StringComparison.Ordinal) || e.Where.File.EndsWith("pages/b.md", StringComparison.Ordinal), e.ToString()));
        Assert.False(built.Succeeded);
    }

    [Theory]
    [InlineData("forms/sz-futian-investment-promotion/2024/pipe.yaml")]
    [InlineData("pages/pipe.md")]
    [InlineData("site.yaml")]
    [InlineData("stray-pipe")]
    [InlineData("templates/partials/pipe.html")]
    public void A_fifo_is_refused_without_being_opened_with_or_without_a_cache(string where)
    {
        var site = new TestSite("confined-fifo");
        var path = where.StartsWith("templates/", StringComparison.Ordinal) ? Path.Combine(site.Root, where) : Path.Combine(site.Content, where);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        MakeFifo(path);

        foreach (var cache in new string?[] { null, Path.Combine(site.Root, ".cache") })
        {
            var built = Within(Patience, () => new SiteBuilder(site.Options() with { CacheDir = cache, NoPdf = true }).Build());

            var error = Assert.Single(built.Diagnostics, d => d.Code == "PD0709");
            BothLanguages.Said(error);
            Assert.EndsWith(where.Replace("templates/", string.Empty, StringComparison.Ordinal), error.Where.File, StringComparison.Ordinal);
            Assert.False(built.Succeeded);
        }
    }

    [Fact]
    public void A_device_reached_through_a_link_is_refused_as_a_link_outside()
    {
        var site = new TestSite("confined-device");
        Link(site, "pages/zero.md", "/dev/zero");

        var built = Within(Patience, () => site.Build());

        Assert.Single(built.Diagnostics, d => d.Code == "PD0708");
        Assert.False(built.Succeeded);
    }

    [Fact]
    public void A_link_that_stays_inside_is_followed_and_builds()
    {
        var site = new TestSite("confined-inside");
        Link(site, "pages/about-us.md", "about.md");
        Directory.CreateDirectory(Path.Combine(site.Content, "shared"));
        File.WriteAllText(Path.Combine(site.Content, "shared", "terms.md"), "---\ntitle: 使用条款\n---\n条款正文\n");
        Link(site, "pages/terms.md", "../shared/terms.md");
        Link(site, "pages/terms-absolute.md", Path.Combine(site.Content, "shared", "terms.md"));

        var built = new SiteBuilder(site.Options() with { NoPdf = true }).Build();

        Assert.True(built.Succeeded, string.Join('\n', built.Diagnostics.Where(d => d.IsError)));
        Assert.DoesNotContain(built.Diagnostics, d => d.Code is "PD0708" or "PD0709");
        Assert.Contains("条款正文", File.ReadAllText(Path.Combine(site.Output, "pages", "terms", "index.html")), StringComparison.Ordinal);
        Assert.Contains("条款正文", File.ReadAllText(Path.Combine(site.Output, "pages", "terms-absolute", "index.html")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(site.Output, "pages", "about-us", "index.html")));
    }

    [Fact]
    public void A_content_folder_reached_through_a_link_is_its_own_root()
    {
        var site = new TestSite("confined-root-link");
        var linked = Path.Combine(site.Root, "linked-content");
        Directory.CreateSymbolicLink(linked, site.Content);
        Link(site, "pages/about-us.md", "about.md");

        var (content, diagnostics) = new SiteBuilder(site.Options() with { ContentDir = linked }).Check();

        Assert.DoesNotContain(diagnostics, d => d.Code is "PD0708" or "PD0709");
        Assert.Contains(content.Pages, p => p.Slug == "about-us");
    }

    [Fact]
    public void Yml_and_upper_case_endings_are_read_like_yaml()
    {
        var site = new TestSite("confined-yml");
        var before = site.Load();
        Rename(site, TestSite.SeedForm, Path.ChangeExtension(TestSite.SeedForm, ".yml"));
        Rename(site, "forms/sz-futian-investment-promotion/2024/office-equipment-purchase.yaml", "forms/sz-futian-investment-promotion/2024/office-equipment-purchase.YAML");
        Rename(site, "organisations/sz-futian-investment-promotion.yaml", "organisations/sz-futian-investment-promotion.Yml");
        Rename(site, "site.yaml", "site.yml");

        var after = site.Load();

        Assert.Equal(before.Forms.Count, after.Forms.Count);
        Assert.Equal(before.Organisations.Keys.Order(), after.Organisations.Keys.Order());
        Assert.Equal(before.Site, after.Site);
        Assert.DoesNotContain(after.Diagnostics, d => d.Code == "PD0710");
    }

    [Theory]
    [InlineData("stray.yaml")]
    [InlineData("stray.yml")]
    [InlineData("pages/front.yaml")]
    [InlineData("organisations/archive/old.yaml")]
    [InlineData("forms.yaml")]
    public void A_yaml_file_where_nothing_is_read_is_a_warning_naming_it(string file)
    {
        var site = new TestSite("confined-stray");
        site.Write(file, "name: 甲\n");

        var built = new SiteBuilder(site.Options() with { NoPdf = true }).Build();

        var warning = Assert.Single(built.Diagnostics, d => d.Code == "PD0710");
        BothLanguages.Said(warning);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.EndsWith(file, warning.Where.File, StringComparison.Ordinal);
        Assert.False(new SiteBuilder(site.Options(strict: true) with { NoPdf = true, OutputDir = Path.Combine(site.Root, "strict") }).Build().Succeeded);
    }

    private static string Link(TestSite site, string link, string target, bool folder = false)
    {
        var path = link.StartsWith("templates/", StringComparison.Ordinal) ? Path.Combine(site.Root, link) : Path.Combine(site.Content, link);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null)
        {
            Directory.Delete(path, recursive: true);
        }

        File.Delete(path);
        _ = folder ? Directory.CreateSymbolicLink(path, target) : (FileSystemInfo)File.CreateSymbolicLink(path, target);
        return path;
    }

    private static void Rename(TestSite site, string from, string to) => File.Move(Path.Combine(site.Content, from), Path.Combine(site.Content, to));

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>A FIFO opened or /dev/zero read would never return: the build runs on a thread the test waits for.</summary>
    private static T Within<T>(TimeSpan patience, Func<T> run)
    {
        var task = Task.Run(run);
        Assert.True(task.Wait(patience), $"still running after {patience.TotalSeconds} s: something was opened that never ends");
        return task.Result;
    }

    /// <summary>No line of the target (over 8 bytes, so not a common word) appears in what the build said.</summary>
    private static void AssertNothingOf(IEnumerable<Diagnostic> diagnostics, byte[] target)
    {
        var said = string.Join('\n', diagnostics.Select(d => d.ToString() + d.Fix));
        foreach (var piece in Encoding.UTF8.GetString(target).Split(['\n', '\0'], StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length > 8))
        {
            Assert.DoesNotContain(piece, said, StringComparison.Ordinal);
        }
    }
}
