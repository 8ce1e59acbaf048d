using System.Diagnostics;
using PerfDisclosure.Build.Publishing;
using PerfDisclosure.Core.Validation.Rules.Outputs;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Caching;

/// <summary>
/// The <c>--cache</c> folder holds every cache of a build (pages and PDFs), <c>--no-cache</c> turns them all off, and
/// a cache that cannot be written only costs time: the build goes on without it, with one warning.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class CacheFolderTests
{
    /// <summary>Caches that cannot be written. Tests run as root, whom permissions do not stop, so each is a shape of the file system.</summary>
    public static TheoryData<string> Unwritable => ["a cache folder whose parent is a file", "a file in place of the cache folder", "a file in place of its render folder", "a full disk"];

    [Theory]
    [MemberData(nameof(Unwritable))]
    public void A_cache_that_cannot_be_written_lets_the_build_go_on_with_one_warning(string kind)
    {
        var (content, _, output) = IncrementalBuildTests.Workspace();
        var root = Path.GetDirectoryName(output)!;
        string cache;
        var mounted = (string?)null;
        switch (kind)
        {
            case "a cache folder whose parent is a file":
                File.WriteAllText(Path.Combine(root, "file"), "x");
                cache = Path.Combine(root, "file", ".cache");
                break;
            case "a file in place of the cache folder":
                cache = Path.Combine(root, ".cache");
                File.WriteAllText(cache, "the user's file");
                break;
            case "a file in place of its render folder":
                cache = Directory.CreateDirectory(Path.Combine(root, ".cache")).FullName;
                File.WriteAllText(Path.Combine(cache, FolderGuard.CacheMarker), string.Empty);
                File.WriteAllText(Path.Combine(cache, "render"), "not a folder");
                break;
            default:
                cache = Directory.CreateDirectory(Path.Combine(root, ".cache")).FullName;
                if (!Mount(cache, "size=64k"))
                {
                    Assert.Skip("mounting a small tmpfs needs root with CAP_SYS_ADMIN; this machine refuses it");
                }

                mounted = cache;
                break;
        }

        try
        {
            var result = new SiteBuilder(new BuildOptions(content, Repo.Templates, output, NoPdf: true, CacheDir: cache)).Build();

            Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
            var warning = Assert.Single(result.Diagnostics, d => d.Code == OutputRules.CacheUnwritable.Code);
            Assert.Equal(Core.Diagnostics.Severity.Warning, warning.Severity);
            Assert.Equal(Path.GetFullPath(cache), warning.Where.File);
            Assert.True(File.Exists(Path.Combine(output, "index.html")));
            SiteSnapshots.AssertSame(IncrementalBuildTests.Snapshot(Fresh(content)), IncrementalBuildTests.Snapshot(output));
            if (kind == "a file in place of the cache folder")
            {
                Assert.Equal("the user's file", File.ReadAllText(cache));
            }
        }
        finally
        {
            if (mounted is not null)
            {
                using var umount = Process.Start("umount", mounted);
                umount.WaitForExit();
                if (umount.ExitCode != 0)
                {
                    // Busy (a file of a concurrent test's process still open, or not yet finalised): detached now, freed when closed.
                    using var lazy = Process.Start("umount", ["-l", mounted]);
                    lazy.WaitForExit();
                }
            }
        }
    }

    [Fact]
    public void The_pdf_cache_is_under_the_cache_folder_and_no_cache_keeps_none()
    {
        ViewKeyTests.RequirePdfEngine();
        var (content, _, output) = ViewKeyTests.SmallWorkspace();
        var root = Path.GetDirectoryName(output)!;
        var cache = Path.Combine(Repo.TempDir("elsewhere"), "cache");

        Assert.True(new SiteBuilder(new BuildOptions(content, Repo.Templates, output, RequirePdf: true, CacheDir: cache)).Build().Succeeded);

        var printed = Directory.EnumerateFiles(output, "*.pdf", SearchOption.AllDirectories).Count();
        Assert.True(printed > 0);
        Assert.Equal(printed, Directory.EnumerateFiles(Path.Combine(cache, "pdf"), "*.pdf").Count());
        Assert.False(Directory.Exists(Path.Combine(root, ".cache")));

        // --no-cache: every PDF printed again, nothing kept anywhere.
        var log = new StringWriter();
        var uncached = Path.Combine(Repo.TempDir("uncached"), "site");
        Assert.True(new SiteBuilder(new BuildOptions(content, Repo.Templates, uncached, RequirePdf: true), log).Build().Succeeded);
        Assert.Contains($"printed {printed} PDF(s)", log.ToString(), StringComparison.Ordinal);
        Assert.Equal([Path.GetFileName(uncached)], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(uncached)!).Select(Path.GetFileName));
    }

    private static string Fresh(string content)
    {
        var fresh = Path.Combine(Repo.TempDir("fresh"), "site");
        Assert.True(new SiteBuilder(new BuildOptions(content, Repo.Templates, fresh, NoPdf: true)).Build().Succeeded);
        return fresh;
    }

    private static bool Mount(string where, string options)
    {
        if (Environment.UserName != "root")
        {
            return false;
        }

        using var mount = Process.Start(new ProcessStartInfo("mount", ["-t", "tmpfs", "-o", options, "tmpfs", where]) { RedirectStandardError = true })!;
        mount.WaitForExit();
        return mount.ExitCode == 0;
    }
}
