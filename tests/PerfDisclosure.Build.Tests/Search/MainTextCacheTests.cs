using System.Text;
using PerfDisclosure.Build.Search;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Search;

/// <summary>A rebuild does not parse unchanged pages again for the search index, and a changed page is never served stale.</summary>
public class MainTextCacheTests
{
    private static readonly byte[] Page = Encoding.UTF8.GetBytes("<html><body><header>站点</header><main><h1>项目</h1><table><tr><td>数量</td><td>10</td></tr></table></main></body></html>");

    [Fact]
    public void An_unchanged_page_is_read_from_the_cache_and_a_changed_one_is_parsed()
    {
        var dir = Repo.TempDir("main-text-cache");
        Assert.Equal("项目 数量 10", MainTextCache.Open(dir).Extract(Page));
        var entry = Assert.Single(Directory.EnumerateFiles(Path.Combine(dir, "search"), "*", SearchOption.AllDirectories));

        // Proof the second build reads the entry instead of parsing: it returns what the entry holds.
        Build.Caching.CacheFile.Write(entry, Encoding.UTF8.GetBytes("来自缓存"));
        Assert.Equal("来自缓存", MainTextCache.Open(dir).Extract(Page));

        var changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Page).Replace("10", "12", StringComparison.Ordinal));
        var cache = MainTextCache.Open(dir);
        Assert.Equal("项目 数量 12", cache.Extract(changed));
        cache.Prune();
        Assert.Single(Directory.EnumerateFiles(Path.Combine(dir, "search"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Without_a_cache_folder_every_page_is_parsed_and_nothing_is_written() =>
        Assert.Equal("项目 数量 10", MainTextCache.Open(null).Extract(Page));
}
