using System.Diagnostics;
using PerfDisclosure.Build.Publishing;
using PerfDisclosure.Build.Tests.Caching;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Publishing;

/// <summary>
/// Publishing file by file: a rebuild renames into the site only the files whose bytes changed, removes only files
/// the tool wrote, leaves files a user put there, rolls a killed publish forward, and always ends equal to a clean
/// build of the same content. Checked on real files: contents, inodes and modification times.
/// </summary>
public class IncrementalPublishTests
{
    private const string FormFile = "forms/sz-futian-investment-promotion/2024/office-equipment-purchase.yaml";
    private const string FormPage = "sz-futian-investment-promotion/2024/office-equipment-purchase/index.html";

    [Fact]
    public void One_form_changed_renames_only_the_files_whose_bytes_changed_and_the_site_equals_a_clean_build()
    {
        var (content, cache, output) = IncrementalBuildTests.Workspace();
        Build(content, output, cache);
        var before = IncrementalBuildTests.Snapshot(output);
        var stat = Stat(output);

        Edit(content);
        Build(content, output, cache);
        var after = IncrementalBuildTests.Snapshot(output);
        var touched = Stat(output).Where(f => f.Key != OutputFolder.MarkerName && stat.GetValueOrDefault(f.Key) != f.Value).Select(f => f.Key).Order(StringComparer.Ordinal).ToList();
        var changed = after.Keys.Where(k => before.GetValueOrDefault(k) != after[k]).Order(StringComparer.Ordinal).ToList();

        Assert.Contains(FormPage, changed);
        Assert.Contains("sz-futian-investment-promotion/2024/index.html", changed); // the listing that names the form
        Assert.Equal(changed, touched); // an unchanged file keeps its inode and modification time
        Assert.True(after.Count > changed.Count * 3, $"{changed.Count} of {after.Count} files changed");
        Assert.Equal(Clean(content), after);
        Assert.Equal(ReproducibleBuildTests.Manifest(Fresh(content)), ReproducibleBuildTests.Manifest(output)); // the same files, but for their times
    }

    [Fact]
    public void Nothing_changed_touches_no_file_not_even_the_marker()
    {
        var (content, _, output) = IncrementalBuildTests.Workspace();
        Build(content, output); // no cache: the build runs in full and compares every file it writes
        var stat = Stat(output);
        var log = new StringWriter();

        Assert.True(new SiteBuilder(Options(content, output), log).Build().Succeeded);

        Assert.Equal(stat, Stat(output));
        Assert.Contains($"publish: 0 files renamed into place, 0 removed, {stat.Count - 1} untouched", log.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(output)!, ".site.*"));
    }

    [Fact]
    public void A_form_removed_from_content_loses_its_pages_but_a_file_put_into_the_site_by_hand_stays()
    {
        var (content, cache, output) = IncrementalBuildTests.Workspace();
        Build(content, output, cache);
        var formFolder = Path.Combine(output, Path.GetDirectoryName(FormPage)!);
        File.WriteAllText(Path.Combine(output, "google1234.html"), "a verification file the webmaster put here");
        File.WriteAllText(Path.Combine(formFolder, "scan.pdf"), "a scan put beside the form's page");

        File.Delete(Path.Combine(content, FormFile));
        Build(content, output, cache);

        Assert.False(File.Exists(Path.Combine(output, FormPage)));
        Assert.False(File.Exists(Path.Combine(formFolder, "form.json")));
        Assert.Equal(["scan.pdf"], Directory.EnumerateFileSystemEntries(formFolder).Select(Path.GetFileName));
        Assert.Equal("a verification file the webmaster put here", File.ReadAllText(Path.Combine(output, "google1234.html")));
        var site = IncrementalBuildTests.Snapshot(output);
        site.Remove("google1234.html");
        site.Remove(Path.GetRelativePath(output, Path.Combine(formFolder, "scan.pdf")).Replace('\\', '/'));
        Assert.Equal(Clean(content), site);
    }

    [Fact]
    public void A_file_put_by_hand_where_a_new_file_goes_stops_the_publish_and_the_site_stays_as_it_was()
    {
        var (content, _, output) = IncrementalBuildTests.Workspace();
        var form = Path.Combine(content, FormFile);
        var moved = Path.Combine(Path.GetDirectoryName(form)!, "office-equipment-purchase-2.yaml");
        File.Move(form, moved);
        Build(content, output);
        Directory.CreateDirectory(Path.Combine(output, Path.GetDirectoryName(FormPage)!));
        File.WriteAllText(Path.Combine(output, FormPage), "a page written by hand");
        var stat = Stat(output);
        var before = IncrementalBuildTests.Snapshot(output);

        File.Move(moved, form);
        var error = Assert.Throws<OutputFolderException>(() => new SiteBuilder(Options(content, output)).Build());

        Assert.Contains(FormPage, error.Message, StringComparison.Ordinal);
        Caching.SiteSnapshots.AssertSame(before, IncrementalBuildTests.Snapshot(output));
        Assert.Equal(stat, Stat(output));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(output)!, ".site.*"));
    }

    [Fact]
    public void A_content_error_or_a_template_error_leaves_the_published_site_byte_for_byte_and_inode_for_inode()
    {
        var (content, cache, output) = IncrementalBuildTests.Workspace();
        var templates = Repo.CopyTree(Path.Combine(Path.GetDirectoryName(content)!, "templates"), Repo.Templates);
        Build(content, output, cache, templates);
        var stat = Stat(output);
        var before = IncrementalBuildTests.Snapshot(output);

        Edit(content);
        var page = Directory.EnumerateFiles(Path.Combine(templates, "layouts"), "*.sbn-html").Order(StringComparer.Ordinal).First();
        var original = File.ReadAllText(page);
        File.AppendAllText(page, "{{ if }}");
        Assert.False(new SiteBuilder(Options(content, output, cache, templates)).Build().Succeeded);
        File.WriteAllText(page, original);
        var form = Path.Combine(content, FormFile);
        File.AppendAllText(form, "\n  : not yaml: [\n");
        Assert.False(new SiteBuilder(Options(content, output, cache, templates)).Build().Succeeded);

        Caching.SiteSnapshots.AssertSame(before, IncrementalBuildTests.Snapshot(output));
        Assert.Equal(stat, Stat(output));
    }

    /// <summary>A publish killed at every step after its journal was flushed: the next run completes it to the new site.</summary>
    [Fact]
    public void A_publish_killed_at_any_step_after_its_journal_is_rolled_forward_by_the_next_run()
    {
        var (content, _, output) = IncrementalBuildTests.Workspace();
        Build(content, output);
        var old = Path.Combine(Path.GetDirectoryName(output)!, "old");
        Repo.CopyTree(old, output);
        Edit(content);
        File.Delete(Path.Combine(content, "forms/sz-futian-investment-promotion/2024/labour-dispatch.yaml"));
        var expected = Clean(content);

        // The journal a real publish writes: the new site's changed files in staging, the removals and renames listed.
        var oldManifest = SiteManifest.Read(Path.Combine(old, OutputFolder.MarkerName))!;
        var removals = oldManifest.Files.Keys.Where(p => !expected.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        var renames = expected.Keys.Where(p => p != OutputFolder.MarkerName && Changed(old, expected, p)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(removals);
        Assert.NotEmpty(renames);
        var steps = removals.Count + renames.Count + 2;
        foreach (var killedAfter in new[] { 0, 1, removals.Count, removals.Count + 1, steps - 2, steps - 1 })
        {
            Directory.Delete(output, recursive: true);
            Repo.CopyTree(output, old);
            var staging = Path.Combine(Path.GetDirectoryName(output)!, $".site.staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
            foreach (var path in renames.Append(OutputFolder.MarkerName))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(staging, path))!);
                File.Copy(Path.Combine(Fresh(content), path), Path.Combine(staging, path));
            }

            PublishJournal.Write(output, staging, removals, renames);
            var done = 0;
            foreach (var path in removals.TakeWhile(_ => done++ < killedAfter))
            {
                File.Delete(Path.Combine(output, path));
            }

            foreach (var path in renames.TakeWhile(_ => done++ < killedAfter))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(output, path))!);
                File.Move(Path.Combine(staging, path), Path.Combine(output, path), overwrite: true);
            }

            _ = OutputFolder.Claim(Options(content, output)); // the next run, before it reads anything

            Caching.SiteSnapshots.AssertSame(expected, IncrementalBuildTests.Snapshot(output));
            Assert.Equal(File.ReadAllText(Path.Combine(Fresh(content), OutputFolder.MarkerName)), File.ReadAllText(Path.Combine(output, OutputFolder.MarkerName)));
            Assert.False(File.Exists(Path.Combine(output, PublishJournal.FileName)));
            Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(output)!, ".site.*"));
        }
    }

    /// <summary>A journal that names a folder or file outside the site (damaged, or written by hand) is never carried out.</summary>
    [Fact]
    public void A_journal_naming_anything_outside_the_site_is_not_carried_out()
    {
        var (content, _, output) = IncrementalBuildTests.Workspace();
        Build(content, output);
        var before = IncrementalBuildTests.Snapshot(output);
        var parent = Path.GetDirectoryName(output)!;
        var userFolder = Path.Combine(parent, "documents");
        Directory.CreateDirectory(userFolder);
        File.WriteAllText(Path.Combine(userFolder, "budget.xlsx"), "the user's own file");
        File.WriteAllText(Path.Combine(parent, "outside.txt"), "beside the site");
        var staging = Path.Combine(parent, $".site.staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        var hostile = new (string Staging, string[] Removals)[]
        {
            (userFolder, ["index.html"]),      // a staging folder that is not one, deleted when rolled forward
            (staging, ["../outside.txt"]),     // a removal outside the site
            (staging, [Path.Combine(parent, "outside.txt")]), // a rooted removal
        };
        foreach (var (folder, removals) in hostile)
        {
            PublishJournal.Write(output, folder, removals, []);
            _ = OutputFolder.Claim(Options(content, output));

            Assert.True(File.Exists(Path.Combine(userFolder, "budget.xlsx")));
            Assert.True(File.Exists(Path.Combine(parent, "outside.txt")));
            File.Delete(Path.Combine(output, PublishJournal.FileName));
            Caching.SiteSnapshots.AssertSame(before, IncrementalBuildTests.Snapshot(output));
        }
    }

    private static bool Changed(string old, SortedDictionary<string, string> expected, string path) =>
        !File.Exists(Path.Combine(old, path)) || Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(old, path)))) != expected[path];

    private static readonly Dictionary<string, string> FreshSites = [];

    /// <summary>A clean build of the same content into a new folder.</summary>
    private static string Fresh(string content)
    {
        lock (FreshSites)
        {
            if (!FreshSites.TryGetValue(content, out var fresh))
            {
                fresh = Path.Combine(Repo.TempDir("clean"), "site");
                Build(content, fresh);
                FreshSites[content] = fresh;
            }

            return fresh;
        }
    }

    private static SortedDictionary<string, string> Clean(string content) => IncrementalBuildTests.Snapshot(Fresh(content));

    private static void Edit(string content)
    {
        var form = Path.Combine(content, FormFile);
        File.WriteAllText(form, File.ReadAllText(form).Replace("current_year_amount: 12.40", "current_year_amount: 12.50", StringComparison.Ordinal));
    }

    private static BuildOptions Options(string content, string output, string? cache = null, string? templates = null) =>
        new(content, templates ?? Repo.Templates, output, NoPdf: true, CacheDir: cache);

    private static void Build(string content, string output, string? cache = null, string? templates = null)
    {
        var result = new SiteBuilder(Options(content, output, cache, templates)).Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
    }

    /// <summary>Every file's inode and modification time (nanoseconds), as the system reports them.</summary>
    private static SortedDictionary<string, string> Stat(string site)
    {
        var find = Process.Start(new ProcessStartInfo("find", [site, "-type", "f", "-printf", "%P %i %T@\\n"]) { RedirectStandardOutput = true })!;
        var lines = find.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(find.WaitForExit(30_000));
        return new(lines.ToDictionary(l => l[..l.IndexOf(' ', StringComparison.Ordinal)], l => l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..]), StringComparer.Ordinal);
    }
}
