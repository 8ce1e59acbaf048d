using PerfDisclosure.Build.Caching;
using PerfDisclosure.Build.Search;
using PerfDisclosure.Build.Tests.Caching;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Search;

/// <summary>
/// The search counts a build keeps in its cache folder: a new build process tokenises only the form pages that
/// changed, publishes the search files a clean build publishes, and ignores a file it cannot trust.
/// </summary>
public class CountedPagesTests
{
    [Fact]
    public void A_new_build_after_one_edit_counts_only_the_changed_pages_and_writes_the_search_files_of_a_clean_build()
    {
        var (content, cache, output) = IncrementalBuildTests.Workspace();
        var options = new BuildOptions(content, Repo.Templates, output, NoPdf: true, CacheDir: cache);
        Assert.Equal(0, Build(options));
        Assert.True(File.Exists(Path.Combine(cache, CountedPages.FileName)));

        var form = Directory.GetFiles(Path.Combine(content, "forms"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.WriteAllText(form, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(form), "^project_name:.*$", "project_name: 计数测试改过的项目名称", System.Text.RegularExpressions.RegexOptions.Multiline));
        var forms = Directory.GetFiles(Path.Combine(content, "forms"), "*.yaml", SearchOption.AllDirectories).Length;

        // The edited page, and the few that link it (its other year, its companion form), are counted again; no other.
        Assert.InRange(Build(options), forms - 5, forms - 1);
        AssertSearchLikeCleanBuild(options, output);
        Assert.Contains(Directory.GetFiles(Path.Combine(output, "search", "docs")), file => File.ReadAllText(file).Contains("计数测试改过的项目名称", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("bytes changed")]
    [InlineData("another version")]
    public void A_file_that_cannot_be_trusted_is_ignored_and_the_pages_are_counted_again(string damage)
    {
        var (content, cache, output) = IncrementalBuildTests.Workspace();
        var options = new BuildOptions(content, Repo.Templates, output, NoPdf: true, CacheDir: cache);
        Build(options);
        var file = Path.Combine(cache, CountedPages.FileName);
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            "bytes changed" => [.. bytes.Select((b, i) => i > 32 && i % 7 == 0 ? (byte)(b ^ 0x5A) : b)],
            _ => [.. bytes[..9], .. "\u0020other"u8, .. bytes[15..]],
        });

        // A form changed, so the build is not skipped as unchanged.
        var form = Directory.GetFiles(Path.Combine(content, "forms"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.AppendAllText(form, "\n# edited\n");
        Assert.Equal(0, Build(options));
        AssertSearchLikeCleanBuild(options, output);
        File.AppendAllText(form, "# edited again\n");
        Assert.True(Build(options) > 0, "the file that build wrote anew is trusted by the next");
    }

    [Fact]
    public void A_page_is_recalled_from_the_file_only_by_its_hash_and_under_the_heading_it_was_counted_with()
    {
        var folder = CacheFolder.Open(Repo.TempDir("counted-pages"));
        using (var first = CountedPages.Open(folder))
        {
            var terms = new DocumentTerms(3, [first.Terms.Find("预"), first.Terms.Find("预算"), first.Terms.Find("budget")], [4 | 1, 2, 6]);
            first.Keep(0, 42, "预算 财政局", empty: false, terms);
            first.Keep(1, 43, "空白", empty: true, new DocumentTerms(0, [], []));
            first.Save();
        }

        using var second = CountedPages.Open(folder);
        Assert.Null(second.Recall(42, "预算 教育局"));
        Assert.Null(second.Recall(44, "预算 财政局"));
        var recalled = second.Recall(42, "预算 财政局");
        Assert.NotNull(recalled);
        Assert.False(recalled.Value.Empty);
        Assert.Equal(3, recalled.Value.Terms.Length);
        Assert.Equal(["预", "预算", "budget"], recalled.Value.Terms.Terms.Select(t => t.Text));
        Assert.Equal([4 | 1, 2, 6], recalled.Value.Terms.Weights);
        Assert.All(recalled.Value.Terms.Terms, t => Assert.Same(t, second.Terms.Lookup(t.Text)));
        Assert.True(second.Recall(43, "空白")?.Empty);
    }

    [Fact]
    public void A_term_table_grown_far_beyond_the_terms_in_use_is_not_kept_and_the_next_build_counts_every_page()
    {
        var folder = CacheFolder.Open(Repo.TempDir("counted-pages-grown"));
        using (var first = CountedPages.Open(folder))
        {
            first.Keep(0, 7, "标题", empty: false, new DocumentTerms(1, [first.Terms.Find("文")], [2]));
            for (var i = 0; i < 70_000; i++)
            {
                first.Terms.Find($"edit{i}"); // terms of edits no page holds any more
            }

            first.Save();
        }

        using var second = CountedPages.Open(folder);
        Assert.Equal(0, second.Terms.Count);
        Assert.Null(second.Recall(7, "标题"));
    }

    /// <summary>Builds in a new builder, as a new process would, and returns how many form pages' terms it took from the cache folder.</summary>
    private static int Build(BuildOptions options)
    {
        var builder = new SiteBuilder(options);
        var result = builder.Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return builder.SearchPagesRecalled;
    }

    private static void AssertSearchLikeCleanBuild(BuildOptions options, string output)
    {
        var clean = Path.Combine(Repo.TempDir("counted-pages-clean"), "site");
        Build(options with { OutputDir = clean, CacheDir = null });
        var (cached, fresh) = (SearchMemoryTests.Search(output), SearchMemoryTests.Search(clean));
        Assert.Equal(fresh.Keys, cached.Keys);
        Assert.All(fresh.Keys, path => Assert.True(fresh[path] == cached[path], $"{path} differs from a clean build"));
    }
}
