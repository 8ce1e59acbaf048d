using System.Diagnostics;
using PerfDisclosure.Build.Publishing;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Publishing;

/// <summary>
/// The output folder is the tool's, or it is refused: a build replaces a folder only when it is missing, empty or a
/// site the tool published (its marker file), and the same guard keeps the cache folder from being pruned when it is
/// not the tool's. Every refusal happens before anything is read or written, so the folder's listing is unchanged.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // mount points and Unix paths
public class OutputFolderTests
{
    /// <summary>Each kind of folder a build must not replace, made in a new test site; the build writes its site to the returned folder.</summary>
    public static TheoryData<string> RefusedOutputs =>
    [
        "a folder of other files", "a git repository", "the content folder", "a folder inside the content folder", "a folder holding the content folder",
        "the templates folder", "a file", "a symbolic link to a folder of other files",
    ];

    [Theory]
    [MemberData(nameof(RefusedOutputs))]
    public void A_build_refuses_an_output_folder_that_is_not_the_tools_and_changes_nothing_in_it(string kind)
    {
        var site = new TestSite("refused");
        Directory.CreateDirectory(site.Templates);
        File.WriteAllText(Path.Combine(site.Templates, "note.txt"), "the site's own templates");
        var cache = Path.Combine(site.Root, ".cache");
        var output = kind switch
        {
            "a folder of other files" => Folder(site.Root, "u", ("thesis.txt", "four years of work")),
            "a git repository" => Folder(site.Root, "repo", (".git/HEAD", "ref: refs/heads/main\n"), ("README.md", "mine")),
            "the content folder" => site.Content,
            "a folder inside the content folder" => Path.Combine(site.Content, "site"),
            "a folder holding the content folder" => site.Root,
            "the templates folder" => site.Templates,
            "a file" => Folder(site.Root, "files", ("site", "a file where the site would go")) + "/site",
            _ => Link(Path.Combine(site.Root, "link"), Folder(site.Root, "target", ("thesis.txt", "mine"))),
        };

        var before = Listing(site.Root);

        var error = Assert.Throws<OutputFolderException>(() => new SiteBuilder(site.Options() with { OutputDir = output, CacheDir = cache, NoPdf = true }).Build());

        Assert.StartsWith($"--output {output}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("give --output a folder of its own", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith($"--output {output}：", error.MessageZh, StringComparison.Ordinal);
        Assert.EndsWith("；其中的内容没有改动；请给 --output 一个单独的文件夹，例如 --output site", error.MessageZh, StringComparison.Ordinal);
        Assert.Equal(before, Listing(site.Root));
    }

    /// <summary>Folders whose loss would be a disaster. The build is given no content, so even a broken guard could not reach the publish; the guard must refuse first.</summary>
    public static TheoryData<string> RefusedSystemFolders => ["the working folder", "an ancestor of the working folder", "the root", "the home folder", "an ancestor of the home folder"];

    [Theory]
    [MemberData(nameof(RefusedSystemFolders))]
    public void A_build_refuses_the_working_folder_its_ancestors_the_root_and_the_home_folder(string kind)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var output = kind switch
        {
            "the working folder" => Environment.CurrentDirectory,
            "an ancestor of the working folder" => Path.GetDirectoryName(Path.GetDirectoryName(Environment.CurrentDirectory))!,
            "the root" => "/",
            "the home folder" => home,
            _ => Path.GetDirectoryName(home)!,
        };
        var before = Listing(output, recursive: false);
        var content = Path.Combine(Repo.TempDir("no-content"), "missing");

        var error = Assert.Throws<OutputFolderException>(() => new SiteBuilder(new BuildOptions(content, Repo.Templates, output, NoPdf: true)).Build());

        Assert.StartsWith($"--output {output}: ", error.Message, StringComparison.Ordinal);
        Assert.Matches("is the root|is the home folder|holds the home folder|is the working folder|holds the working folder", error.Message);
        Assert.Matches($"^--output {System.Text.RegularExpressions.Regex.Escape(output)}：(是文件系统的根目录|就是主目录|包含主目录|就是当前工作文件夹|包含当前工作文件夹)", error.MessageZh);
        Assert.Equal(before, Listing(output, recursive: false));
    }

    public static TheoryData<string> RefusedCaches =>
    [
        "a folder of other files", "a folder of other files in render/ and pdf/", "the content folder", "the templates folder", "a folder inside the output folder", "the output folder", "a folder holding the output folder", "the home folder", "the root",
    ];

    [Theory]
    [MemberData(nameof(RefusedCaches))]
    public void A_build_refuses_a_cache_folder_that_is_not_the_tools_before_anything_is_written(string kind)
    {
        var site = new TestSite("refused-cache");
        Directory.CreateDirectory(site.Templates);
        File.WriteAllText(Path.Combine(site.Templates, "note.txt"), "the site's own templates");
        var cache = kind switch
        {
            "a folder of other files" => Folder(site.Root, "stuff", ("render/notes.txt", "mine"), ("pdf/report.pdf", "mine too"), ("thesis.txt", "mine")),
            "a folder of other files in render/ and pdf/" => Folder(site.Root, "stuff", ("render/notes.txt", "mine"), ("pdf/report.pdf", "mine too")),
            "the content folder" => site.Content,
            "the templates folder" => site.Templates,
            "a folder inside the output folder" => Path.Combine(site.Output, ".cache"),
            "the output folder" => site.Output,
            "a folder holding the output folder" => site.Root,
            "the home folder" => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
            _ => "/",
        };
        var before = Listing(site.Root);

        var error = Assert.Throws<OutputFolderException>(() => new SiteBuilder(site.Options() with { CacheDir = cache, NoPdf = true }).Build());

        Assert.StartsWith($"--cache {FolderGuard.Full(cache)}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("--no-cache", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"--cache {FolderGuard.Full(cache)}：", error.MessageZh, StringComparison.Ordinal);
        Assert.Contains("--no-cache", error.MessageZh, StringComparison.Ordinal);
        Assert.Equal(before, Listing(site.Root));
        Assert.False(Directory.Exists(site.Output));
    }

    public static TheoryData<string> AcceptedOutputs => ["a missing folder", "an empty folder", "a site this tool published", "a site whose parent is a symbolic link"];

    [Theory]
    [MemberData(nameof(AcceptedOutputs))]
    public void A_missing_or_empty_folder_or_a_published_site_is_replaced_and_marked_as_the_tools(string kind)
    {
        var site = new TestSite("accepted");
        var output = site.Output;
        switch (kind)
        {
            case "an empty folder":
                Directory.CreateDirectory(output);
                break;
            case "a site this tool published":
                Assert.True(site.Build().Succeeded);
                File.WriteAllText(Path.Combine(output, "stale.html"), "from the last build");
                WrittenByTheLastBuild(output, "stale.html"); // a file only a manifest names is the tool's to remove
                break;
            case "a site whose parent is a symbolic link":
                output = Path.Combine(Link(Path.Combine(site.Root, "linked"), Directory.CreateDirectory(Path.Combine(site.Root, "real")).FullName), "site");
                break;
        }

        var result = new SiteBuilder(site.Options(output: output) with { NoPdf = true }).Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.True(File.Exists(Path.Combine(output, OutputFolder.MarkerName)));
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
        Assert.False(File.Exists(Path.Combine(output, "stale.html")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(output)!, ".site.*"));
    }

    [Fact]
    public void A_cache_made_by_an_earlier_version_without_a_marker_is_still_the_tools()
    {
        var site = new TestSite("old-cache");
        var cache = Folder(site.Root, ".cache", ("build-stamp.json", "{}"), ($"render/ab/ab{new string('0', 62)}", "x"), ($"pdf/{new string('1', 64)}.pdf", "x"));

        var result = new SiteBuilder(site.Options() with { CacheDir = cache, NoPdf = true }).Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.True(File.Exists(Path.Combine(cache, FolderGuard.CacheMarker)));
    }

    [Fact]
    public void A_build_killed_between_its_two_renames_gets_its_old_site_back_even_when_the_next_build_stops_on_a_content_error()
    {
        var site = new TestSite("between-renames");
        var retired = Folder(site.Root, ".site.retired-0123456789abcdef", (OutputFolder.MarkerName, ""), ("index.html", "old"));
        var deadStaging = Folder(site.Root, ".site.staging-999999999-abc", ("index.html", "half"));
        site.Write(TestSite.SeedForm, "project_name: [\n");

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Equal("old", File.ReadAllText(Path.Combine(site.Output, "index.html")));
        Assert.False(Directory.Exists(retired));
        Assert.False(Directory.Exists(deadStaging));
    }

    [Fact]
    public void A_failed_swap_puts_the_old_site_back()
    {
        var root = Repo.TempDir("swap");
        var output = Folder(root, "site", (OutputFolder.MarkerName, ""), ("index.html", "old"));
        var folder = OutputFolder.Claim(new BuildOptions(Path.Combine(root, "content"), null, output));

        Assert.ThrowsAny<IOException>(() => folder.Publish(Path.Combine(root, "missing-staging")));

        Assert.Equal("old", File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.Equal(["site"], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_mount_point_is_published_into_by_replacing_its_children_and_a_killed_swap_is_put_back()
    {
        var site = new TestSite("mount");
        var volume = Directory.CreateDirectory(Path.Combine(site.Root, "volume")).FullName;
        if (!Mount(volume))
        {
            Assert.Skip("mounting a tmpfs needs root with CAP_SYS_ADMIN; this machine refuses it");
        }

        try
        {
            var options = site.Options(output: volume) with { NoPdf = true };
            Assert.True(OutputFolder.Claim(options).InPlace);

            Assert.True(new SiteBuilder(options).Build().Succeeded);
            File.WriteAllText(Path.Combine(volume, "stale.html"), "from the last build");
            var first = IncrementalBuildTestsSnapshot(volume);
            Assert.True(new SiteBuilder(options).Build().Succeeded);

            Assert.False(File.Exists(Path.Combine(volume, "stale.html")));
            Assert.True(File.Exists(Path.Combine(volume, OutputFolder.MarkerName)));
            Assert.Empty(Directory.EnumerateFileSystemEntries(volume, ".perfdisclosure-*-*"));
            first.Remove("stale.html");
            Caching.SiteSnapshots.AssertSame(first, IncrementalBuildTestsSnapshot(volume));

            // Killed while the new site's entries were moved in: the old site is aside, part of the new one in place.
            var old = IncrementalBuildTestsSnapshot(volume);
            var retired = Directory.CreateDirectory(Path.Combine(volume, ".perfdisclosure-retired-0123")).FullName;
            foreach (var entry in Directory.EnumerateFileSystemEntries(volume).Where(e => e != retired))
            {
                if (Directory.Exists(entry))
                {
                    Directory.Move(entry, Path.Combine(retired, Path.GetFileName(entry)));
                }
                else
                {
                    File.Move(entry, Path.Combine(retired, Path.GetFileName(entry)));
                }
            }

            File.WriteAllText(Path.Combine(volume, "index.html"), "half of the new site");
            Folder(volume, ".perfdisclosure-staging-999999999-abc", ("data/forms.json", "[]"));
            site.Write(TestSite.SeedForm, "project_name: [\n");

            Assert.False(new SiteBuilder(options).Build().Succeeded);

            Caching.SiteSnapshots.AssertSame(old, IncrementalBuildTestsSnapshot(volume));
            Assert.Empty(Directory.EnumerateFileSystemEntries(volume, ".perfdisclosure-*-*"));
        }
        finally
        {
            Process.Start("umount", volume).WaitForExit();
        }
    }

    /// <summary>Adds a file to the manifest of the site's marker, as if the build that published the site had written it.</summary>
    private static void WrittenByTheLastBuild(string site, string path)
    {
        var marker = Path.Combine(site, OutputFolder.MarkerName);
        var file = new FileInfo(Path.Combine(site, path));
        var files = new Dictionary<string, SiteManifest.Entry>(SiteManifest.Read(marker)!.Files, StringComparer.Ordinal)
        {
            [path] = new(System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(System.IO.Hashing.XxHash128.Hash(File.ReadAllBytes(file.FullName))), file.Length, file.LastWriteTimeUtc.Ticks),
        };
        File.WriteAllText(marker, new SiteManifest(files).ToText());
    }

    private static SortedDictionary<string, string> IncrementalBuildTestsSnapshot(string folder) => Caching.IncrementalBuildTests.Snapshot(folder);

    /// <summary>A folder with these files (paths may have folders), under <paramref name="root"/>.</summary>
    private static string Folder(string root, string name, params (string Path, string Text)[] files)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, path))!);
            File.WriteAllText(Path.Combine(folder, path), text);
        }

        return folder;
    }

    private static string Link(string link, string target)
    {
        Directory.CreateSymbolicLink(link, target);
        return link;
    }

    /// <summary>Every entry under a folder with its size (a file) or "dir", and a link's target; an unreadable folder is listed as such.</summary>
    private static SortedDictionary<string, string> Listing(string folder, bool recursive = true)
    {
        var listing = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = recursive, AttributesToSkip = 0, IgnoreInaccessible = true };
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", options))
        {
            listing[entry.FullName] = entry.LinkTarget ?? (entry is FileInfo file ? $"{file.Length}|{file.LastWriteTimeUtc.Ticks}" : "dir");
        }

        return listing;
    }

    private static bool Mount(string where)
    {
        if (Environment.UserName != "root")
        {
            return false;
        }

        using var mount = Process.Start(new ProcessStartInfo("mount", ["-t", "tmpfs", "-o", "size=64m", "tmpfs", where]) { RedirectStandardError = true })!;
        mount.WaitForExit();
        return mount.ExitCode == 0;
    }
}
