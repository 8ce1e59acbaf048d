using PerfDisclosure.Build.Caching;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Caching;

/// <summary>A corrupt cache is never trusted (issue 9): a damaged entry is a miss, removed, and built again.</summary>
public class CacheFileTests
{
    [Fact]
    public void An_entry_reads_back_as_written()
    {
        var path = Path.Combine(Repo.TempDir("cache-file"), "ab", "entry");
        CacheFile.Write(path, "绩效表"u8);
        Assert.Equal("绩效表"u8.ToArray(), CacheFile.Read(path));
        Assert.Null(CacheFile.Read(path + "-missing"));
    }

    [Fact]
    public void An_entry_already_written_under_the_key_is_kept()
    {
        var path = Path.Combine(Repo.TempDir("cache-file"), "entry");
        CacheFile.Write(path, "第一次"u8);
        CacheFile.Write(path, "第二次"u8);
        Assert.Equal("第一次"u8.ToArray(), CacheFile.Read(path));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("empty")]
    public void A_damaged_entry_is_a_miss_and_is_removed(string damage)
    {
        var path = Path.Combine(Repo.TempDir("cache-file"), "entry");
        CacheFile.Write(path, new byte[1000]);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, damage switch
        {
            "truncated" => bytes[..500],
            "flipped" => [.. bytes[..700], (byte)(bytes[700] ^ 1), .. bytes[701..]],
            _ => [],
        });

        Assert.Null(CacheFile.Read(path));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_build_over_a_corrupted_cache_renders_the_damaged_pages_again_and_publishes_the_same_site()
    {
        var dir = Repo.TempDir("cache-corrupt");
        var cache = Path.Combine(dir, "cache");
        var options = new BuildOptions(Repo.Content, Repo.Templates, Path.Combine(dir, "site"), NoPdf: true, CacheDir: cache);
        Assert.True(new SiteBuilder(options).Build().Succeeded);
        var expected = File.ReadAllBytes(Path.Combine(dir, "site", "index.html"));
        var entries = Directory.EnumerateFiles(cache, "*", SearchOption.AllDirectories).ToList();
        foreach (var entry in entries)
        {
            var bytes = File.ReadAllBytes(entry);
            File.WriteAllBytes(entry, bytes[..(bytes.Length / 2)]);
        }

        var again = new SiteBuilder(options);
        var result = again.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.NotEmpty(again.Cache.Rendered);
        Assert.Equal(0, again.Cache.Reused);
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(dir, "site", "index.html")));
    }
}
