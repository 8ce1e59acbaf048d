using System.Diagnostics;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Cli.Tests;

/// <summary>
/// The build fails the way the machine does: killed, out of disk, on a read-only disk, refused by permissions. site/
/// stays whole, and the one line says so in Chinese by default (the system's English words quoted) and in English with --lang en.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // permissions, signals and tmpfs are Linux faults
public class FaultTests
{
    [Fact]
    public void A_build_killed_midway_leaves_the_previous_site_and_the_next_build_recovers()
    {
        var root = Repo.TempDir("kill");
        var content = CliProcess.CopyContent(Path.Combine(root, "large"), copies: 40);
        var output = CliProcess.OldSite(Path.Combine(root, "site"));
        string[] args = ["build", "--content", content, "--output", output];

        using (var build = CliProcess.Start(args))
        {
            var clock = Stopwatch.StartNew();
            string? staging = null;
            while (staging is null && !build.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                staging = Directory.EnumerateDirectories(root, ".site.staging-*").FirstOrDefault(d => Directory.EnumerateDirectories(d).Any());
                Thread.Sleep(5);
            }

            Assert.False(build.HasExited, "the build finished before it could be killed; give it more forms");
            build.Kill(); // SIGKILL on Linux: no finally block, no cleanup
            build.WaitForExit();
            Assert.NotNull(staging);
        }

        CliProcess.AssertOldSite(output);
        Assert.NotEmpty(Directory.EnumerateDirectories(root, ".site.staging-*"));

        // The next build (of a smaller site, to keep the test quick) cleans the leftovers and publishes.
        var (exit, _, error) = CliProcess.Run(["build", "--content", CliProcess.CopyContent(Path.Combine(root, "small")), "--output", output]);
        Assert.True(exit == 0, error);
        Assert.Contains("<!DOCTYPE html>", File.ReadAllText(Path.Combine(output, "index.html")), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateDirectories(root, ".site.*"));
    }

    [Fact]
    public void A_full_disk_fails_the_build_with_exit_2_and_a_clear_message_leaving_the_site_as_it_was()
    {
        var root = Repo.TempDir("disk-full");
        var content = CliProcess.CopyContent(root);
        var disk = SmallDisk(root, "size=256k");

        try
        {
            var output = CliProcess.OldSite(Path.Combine(disk, "site"));

            var (exit, _, error) = CliProcess.Run(["build", "--content", content, "--output", output]);

            Assert.Equal(2, exit);
            Assert.StartsWith("错误：磁盘空间已满：请清理磁盘，或换用空间充足的位置后重试（原文：“No space left on device : '" + disk, Failure(error), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            CliProcess.AssertOldSite(output);
            Assert.Empty(Directory.EnumerateDirectories(disk, ".site.*"));

            (exit, _, error) = CliProcess.Run(["build", "--content", content, "--output", output, "--lang", "en"]);

            Assert.Equal(2, exit);
            Assert.StartsWith("error: No space left on device : '" + disk, Failure(error), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            CliProcess.AssertOldSite(output);
        }
        finally
        {
            Process.Start("umount", disk).WaitForExit();
        }
    }

    [Fact]
    public void An_output_folder_the_user_may_not_write_fails_with_exit_2_naming_the_path()
    {
        var root = Repo.TempDir("permission");
        var content = CliProcess.CopyContent(root);
        var locked = Path.Combine(root, "locked");
        var output = CliProcess.OldSite(Path.Combine(locked, "site"));
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        try
        {
            var (exit, _, error) = CliProcess.Run(["build", "--content", content, "--output", output], unprivileged: true);

            Assert.Equal(2, exit);
            Assert.StartsWith($"错误：没有权限访问该路径：请检查文件或文件夹的权限，或换用有权限的位置（原文：“Access to the path '{locked}/.site.staging-", Failure(error), StringComparison.Ordinal);
            Assert.EndsWith("is denied.”）", Failure(error), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            CliProcess.AssertOldSite(output);

            (exit, _, error) = CliProcess.Run(["build", "--content", content, "--output", output, "--lang", "en"], unprivileged: true);

            Assert.Equal(2, exit);
            Assert.StartsWith($"error: Access to the path '{locked}/.site.staging-", Failure(error), StringComparison.Ordinal);
            Assert.EndsWith("is denied.", Failure(error), StringComparison.Ordinal);
            CliProcess.AssertOldSite(output);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void An_output_folder_on_a_read_only_disk_fails_with_exit_2_saying_so()
    {
        var root = Repo.TempDir("read-only");
        var content = CliProcess.CopyContent(root);
        var disk = SmallDisk(root, "size=256k,ro");

        try
        {
            var output = Path.Combine(disk, "site");

            var (exit, _, error) = CliProcess.Run(["build", "--content", content, "--output", output]);

            Assert.Equal(2, exit);
            Assert.StartsWith($"错误：文件系统是只读的：请换用可以写入的位置（原文：“Read-only file system : '{disk}/.site.staging-", Failure(error), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);

            (exit, _, error) = CliProcess.Run(["build", "--content", content, "--output", output, "--lang", "en"]);

            Assert.Equal(2, exit);
            Assert.StartsWith($"error: Read-only file system : '{disk}/.site.staging-", Failure(error), StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(disk));
        }
        finally
        {
            Process.Start("umount", disk).WaitForExit();
        }
    }

    [Fact]
    public void An_unreadable_content_file_is_an_error_naming_it_and_the_other_errors_are_still_reported()
    {
        var root = Repo.TempDir("unreadable");
        var content = CliProcess.CopyContent(root);
        var form = Path.Combine(content, "forms", "sz-futian-investment-promotion", "2024", "chambers-of-commerce-building.yaml");
        File.SetUnixFileMode(form, UnixFileMode.None);
        File.WriteAllText(Path.Combine(content, "organisations", "bad.yaml"), "name: [\n");
        var output = CliProcess.OldSite(Path.Combine(root, "site"));

        var (exit, _, error) = CliProcess.Run(["build", "--content", content, "--output", output, "--lang", "en"], unprivileged: true);

        Assert.Equal(1, exit);
        Assert.Contains("chambers-of-commerce-building.yaml:1:1", error, StringComparison.Ordinal);
        Assert.Contains("PD0706", error, StringComparison.Ordinal);
        Assert.Contains("organisations/bad.yaml", error, StringComparison.Ordinal);
        CliProcess.AssertOldSite(output);
    }

    /// <summary>The one line that ended the command (a build prints its progress before it).</summary>
    private static string Failure(string error) =>
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), l => l.StartsWith("错误：", StringComparison.Ordinal) || l.StartsWith("error: ", StringComparison.Ordinal));

    /// <summary>A tmpfs of these options mounted at <c>disk</c> under <paramref name="root"/>; the test is skipped where it cannot be mounted.</summary>
    private static string SmallDisk(string root, string options)
    {
        var disk = Path.Combine(root, "disk");
        Directory.CreateDirectory(disk);
        if (!CliProcess.IsRoot || !Mounted())
        {
            Assert.Skip($"mounting a tmpfs ({options}) needs root with CAP_SYS_ADMIN; this machine refuses it");
        }

        return disk;

        bool Mounted()
        {
            using var mount = Process.Start(new ProcessStartInfo("mount", ["-t", "tmpfs", "-o", options, "tmpfs", disk]) { RedirectStandardError = true })!;
            mount.WaitForExit();
            return mount.ExitCode == 0;
        }
    }
}
