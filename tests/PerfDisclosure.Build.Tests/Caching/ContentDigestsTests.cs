using System.Security.Cryptography;
using PerfDisclosure.Build.Caching;
using PerfDisclosure.Build.Loading;

namespace PerfDisclosure.Build.Tests.Caching;

/// <summary>
/// A content file's hash is taken from the last build's record only while the file's size, times and inode are the
/// ones recorded, and only when the file had settled before it was read (git's racily clean entries).
/// </summary>
public class ContentDigestsTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("pd-digests-").FullName;

    private string Content => Path.Combine(root, "content");

    private string Cache => Path.Combine(root, "cache");

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void A_file_whose_stamp_is_as_recorded_is_not_read_again()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // stamps come from statx: elsewhere every file is read (the next test's case)
        }

        var form = Write("forms/a.yaml", "project_name: 甲\n");
        Write("forms/b.yaml", "project_name: 乙\n");
        var later = DateTime.UtcNow.AddSeconds(10); // a build well after the files were saved
        Assert.Equal(Hashes(), ContentDigests.Of(Files(), Cache, later));

        // The record now names a hash no bytes have: a build that still finds the same stamp takes it unread.
        var record = Path.Combine(Cache, "content-digests");
        var real = Sha(form);
        File.WriteAllText(record, File.ReadAllText(record).Replace(real, new string('a', 64), StringComparison.Ordinal));
        var again = ContentDigests.Of(Files(), Cache, later);
        Assert.Equal(new string('a', 64), again[0]);
        Assert.Equal(Hashes()[1], again[1]);
    }

    [Fact]
    public void A_file_saved_again_with_its_size_and_modification_time_put_back_is_read_again()
    {
        var form = Write("forms/a.yaml", "current_year_amount: 12.40\n");
        var later = DateTime.UtcNow.AddSeconds(10);
        ContentDigests.Of(Files(), Cache, later);

        // The same length, the old time restored (touch -d): its change time, which no one can set, differs.
        var modified = File.GetLastWriteTimeUtc(form);
        File.WriteAllText(form, "current_year_amount: 12.50\n");
        File.SetLastWriteTimeUtc(form, modified);

        Assert.Equal(Hashes(), ContentDigests.Of(Files(), Cache, later.AddSeconds(10)));
    }

    [Fact]
    public void A_file_changed_just_before_it_was_read_is_not_remembered()
    {
        Write("forms/a.yaml", "project_name: 甲\n");
        ContentDigests.Of(Files(), Cache, DateTime.UtcNow);

        // A second save within the same tick would leave size and times as they are: nothing is trusted for it.
        var record = File.ReadAllLines(Path.Combine(Cache, "content-digests"));
        Assert.DoesNotContain(record, line => line.EndsWith("a.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_cache_folder_every_file_is_read()
    {
        Write("forms/a.yaml", "project_name: 甲\n");
        Assert.Equal(Hashes(), ContentDigests.Of(Files(), cacheDir: null));
        Assert.False(Directory.Exists(Cache));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(Content, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private IReadOnlyList<SourceFile> Files() => SourceTree.Read(Content).Files;

    private string[] Hashes() => [.. Files().Select(f => Sha(f.Path))];

    private static string Sha(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
