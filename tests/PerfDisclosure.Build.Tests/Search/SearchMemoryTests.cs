using PerfDisclosure.Build.Search;
using PerfDisclosure.Build.Tests.Caching;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Search;

/// <summary>
/// serve's search memory: a rebuild reads and tokenises only the form pages whose bytes changed, and what it
/// publishes is what a build without the memory publishes.
/// </summary>
public class SearchMemoryTests
{
    [Fact]
    public void A_rebuild_after_one_edit_reads_only_the_changed_pages_and_writes_the_search_files_of_a_clean_build()
    {
        var (content, cache, output) = IncrementalBuildTests.Workspace();
        var options = new BuildOptions(content, Repo.Templates, output, NoPdf: true, CacheDir: cache);
        var memory = new SearchMemory();
        Build(options, memory);
        var forms = memory.Read;
        Assert.Equal(0, memory.Reused);

        var form = Directory.GetFiles(Path.Combine(content, "forms"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.WriteAllText(form, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(form), "^project_name:.*$", "project_name: 记忆测试改过的项目名称", System.Text.RegularExpressions.RegexOptions.Multiline));
        Build(options, memory);

        // The edited page, and the few that link it (its other year, its companion form), are read again; no other.
        Assert.InRange(memory.Read, 1, 5);
        Assert.Equal(forms - memory.Read, memory.Reused);

        var clean = Path.Combine(Repo.TempDir("search-memory-clean"), "site");
        Build(options with { OutputDir = clean, CacheDir = null }, memory: null);
        var (served, fresh) = (Search(output), Search(clean));
        Assert.Equal(fresh.Keys, served.Keys);
        Assert.All(fresh.Keys, path => Assert.True(fresh[path] == served[path], $"{path} differs from a clean build"));
        Assert.Contains(Directory.GetFiles(Path.Combine(output, "search", "docs")), file => File.ReadAllText(file).Contains("记忆测试改过的项目名称", StringComparison.Ordinal));
    }

    [Fact]
    public void A_page_is_recalled_only_under_the_heading_it_was_counted_with()
    {
        var memory = new SearchMemory();
        memory.Begin();
        var terms = new DocumentTerms(1, [memory.Terms.Find("预")], [2 | 1]);
        memory.Keep(42, new SearchMemory.Page("预算 财政局", "预", terms));
        memory.End();

        memory.Begin();
        Assert.Null(memory.Recall(42, "预算 教育局"));
        Assert.Null(memory.Recall(43, "预算 财政局"));
        Assert.Same(terms, memory.Recall(42, "预算 财政局")?.Terms);
    }

    [Fact]
    public void A_term_table_grown_far_beyond_the_terms_in_use_is_started_again_with_nothing_remembered()
    {
        var memory = new SearchMemory();
        memory.Begin();
        var table = memory.Terms;
        memory.Keep(7, new SearchMemory.Page("标题", "文本", new DocumentTerms(1, [table.Find("文")], [2])));
        for (var i = 0; i < 70_000; i++)
        {
            table.Find($"edit{i}"); // terms of edits no page holds any more
        }

        memory.End();
        memory.Begin();
        Assert.NotSame(table, memory.Terms);
        Assert.Null(memory.Recall(7, "标题"));
    }

    private static void Build(BuildOptions options, SearchMemory? memory)
    {
        var result = new SiteBuilder(options) { SearchMemory = memory }.Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
    }

    /// <summary>The site's search files by path (shared with <see cref="CountedPagesTests"/>).</summary>
    internal static SortedDictionary<string, string> Search(string site) =>
        new(IncrementalBuildTests.Snapshot(site).Where(f => f.Key.StartsWith("search/", StringComparison.Ordinal)).ToDictionary(), StringComparer.Ordinal);
}
