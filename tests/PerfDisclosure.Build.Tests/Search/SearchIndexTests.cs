using System.Security.Cryptography;
using System.Text.Json;
using PerfDisclosure.Build.Search;

namespace PerfDisclosure.Build.Tests.Search;

public class SearchIndexTests
{
    public static TheoryData<string> Phrases => ["残疾人", "法律顾问", "宣传片", "保障金", "满意度", "投资促进", "招商", "SIPC"];

    [Theory]
    [MemberData(nameof(Phrases))]
    public void A_phrase_finds_every_form_whose_content_holds_it(string phrase)
    {
        var candidates = Candidates(SearchCorpus.Root, phrase);
        var verified = candidates.Where(id => Text(SearchCorpus.Root, id).Contains(SearchTokenizer.Fold(phrase), StringComparison.Ordinal));

        var expected = SearchCorpus.FormsContaining(phrase);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, new SortedSet<string>(verified.Select(id => Url(SearchCorpus.Root, id).TrimEnd('/')), StringComparer.Ordinal));
    }

    [Fact]
    public void The_searched_text_is_the_main_region_without_header_or_footer()
    {
        var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(SearchCorpus.Root, "search", "docs", "0.json"))).RootElement;
        var text = doc.GetProperty("text").GetString()!;
        Assert.StartsWith(doc.GetProperty("title").GetString()!, text, StringComparison.Ordinal);
        Assert.DoesNotContain("搜索预算绩效信息", text, StringComparison.Ordinal);
        Assert.DoesNotContain("跳到主要内容", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Neighbouring_table_cells_do_not_join_into_one_phrase()
    {
        var text = MainText.Extract("<header>页头</header><main><table><tr><th>项目名称</th><td>宣传片</td></tr></table><p>第一段</p><p>第二段</p></main><footer>页脚</footer>");
        Assert.Equal("项目名称 宣传片 第一段 第二段", text);
    }

    [Fact]
    public void The_same_content_gives_the_same_index_bytes()
    {
        var again = SearchCorpus.Build("search-site-again");
        Assert.Equal(Hashes(SearchCorpus.Root), Hashes(again));
    }

    [Fact]
    public void Postings_round_trip_through_a_shard_file()
    {
        List<Posting> postings = [new(0, 15, true), new(3, 1, false), new(700, 7, true), new(100_000, 2, false)];
        var bytes = ShardFile.Write([("宣传", postings), ("ab", [new(5, 3, false)])]);
        var read = ShardFile.Read(bytes);
        Assert.Equal(postings, read["宣传"]);
        Assert.Equal([new Posting(5, 3, false)], read["ab"]);
    }

    [Fact]
    public void Filters_count_every_form_once()
    {
        var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(SearchCorpus.Root, "search", "meta.json"))).RootElement;
        var count = meta.GetProperty("count").GetInt32();
        Assert.Equal(SearchCorpus.Content.Forms.Count, count);
        foreach (var facet in meta.GetProperty("facets").EnumerateArray())
        {
            var runs = facet.GetProperty("runs").EnumerateArray().Select(r => r.GetInt32()).ToList();
            Assert.Equal(count, runs.Where((_, i) => i % 2 == 1).Sum());
        }
    }

    /// <summary>The documents holding every query term, read from the shard files as the browser reads them.</summary>
    public static List<int> Candidates(string site, string query)
    {
        var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(site, "search", "meta.json"))).RootElement;
        var shards = (uint)meta.GetProperty("shards").GetInt32();
        IEnumerable<int>? found = null;
        foreach (var term in SearchTokenizer.QueryTerms(query))
        {
            var shard = ShardFile.Read(File.ReadAllBytes(Path.Combine(site, "search", "shards", $"{SearchTokenizer.Hash(term) % shards}.bin")));
            var documents = shard.TryGetValue(term, out var postings) ? postings.Select(p => p.Document) : [];
            found = found is null ? documents.ToList() : found.Intersect(documents).ToList();
        }

        return [.. found ?? []];
    }

    private static string Text(string site, int id) => SearchTokenizer.Fold(Doc(site, id).GetProperty("text").GetString()!);

    private static string Url(string site, int id) => Doc(site, id).GetProperty("url").GetString()!;

    private static JsonElement Doc(string site, int id) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(site, "search", "docs", $"{id}.json"))).RootElement;

    private static SortedDictionary<string, string> Hashes(string site)
    {
        var dir = Path.Combine(site, "search");
        return new(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);
    }
}
