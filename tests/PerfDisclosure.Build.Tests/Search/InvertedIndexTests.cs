using PerfDisclosure.Build.Publishing;
using PerfDisclosure.Build.Search;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Search;

/// <summary>The spilled index holds exactly the postings of the documents, whatever their order of arrival and size.</summary>
public class InvertedIndexTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Shards_hold_every_term_of_every_document_with_its_weight_in_document_order(bool held)
    {
        // Enough documents and terms that every bucket's spill file is read in several chunks, and that the held ones
        // are inverted in one run per core (1,024 documents or more a run).
        var random = new Random(7);
        const string Characters = "预算绩效目标项目资金管理服务质量满意度宣传招商投资促进残疾人法律顾问年度计划完成率成本指标效益社会经济生态可持续影响时效数量合格覆盖";
        var documents = Enumerable.Range(0, 3000).Select(_ => new string(Enumerable.Range(0, random.Next(200, 900)).Select(_ => Characters[random.Next(Characters.Length)]).ToArray()) + $" word{random.Next(50)}").ToList();
        var headings = documents.Select((_, i) => $"项目{i % 7}").ToList();
        var dir = Repo.TempDir("inverted-index");
        var writer = new SiteWriter(Path.Combine(dir, "site"));
        int shards;
        // Spilled (a one-off build), or held with a term table kept between builds (serve's search memory).
        using (var index = new InvertedIndex(documents.Count, Path.Combine(dir, "spill"), held ? new SearchTerms() : null))
        {
            // Out of order and from several threads, as the pages stage adds them.
            Parallel.ForEach(Enumerable.Range(0, documents.Count).Reverse(), i => index.Add(i, documents[i], headings[i]));
            shards = index.WriteShards(writer);
        }

        Assert.False(Directory.Exists(Path.Combine(dir, "spill")));
        var byShard = Enumerable.Range(0, shards).Select(n => ShardFile.Read(File.ReadAllBytes(Path.Combine(dir, "site", "search", "shards", $"{n}.bin")))).ToList();
        Assert.All(byShard.Select((terms, n) => (terms, n)), shard => Assert.All(shard.terms.Keys, term => Assert.Equal((uint)shard.n, SearchTokenizer.Hash(term) % (uint)shards)));
        var written = byShard.SelectMany(terms => terms).ToDictionary(t => t.Key, t => t.Value);

        var lengths = documents.Select(d => SearchTokenizer.Tokens(d).Count).ToList();
        var average = lengths.Average();
        var expected = documents
            .SelectMany((text, i) => SearchTokenizer.Tokens(text).GroupBy(t => t).Select(g => (Term: g.Key, Posting: new Posting(i, Posting.Quantise(g.Count(), lengths[i], average), SearchTokenizer.Tokens(headings[i]).Contains(g.Key)))))
            .GroupBy(p => p.Term)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Posting).OrderBy(p => p.Document).ToList());
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, pair => Assert.Equal(pair.Value, written[pair.Key]));
    }

    [Fact]
    public void A_term_table_kept_from_an_earlier_build_gives_the_shards_a_fresh_table_gives()
    {
        // The earlier build had terms no document of this one has: they must not count, in the shard count or anywhere.
        var random = new Random(11);
        const string Characters = "预算绩效目标项目资金管理服务质量满意度宣传招商投资促进";
        var documents = Enumerable.Range(0, 400).Select(i => new string(Enumerable.Range(0, random.Next(50, 300)).Select(_ => Characters[random.Next(Characters.Length)]).ToArray()) + $" word{i % 9}").ToList();
        var kept = new SearchTerms();
        var dir = Repo.TempDir("inverted-index-kept");
        using (var earlier = new InvertedIndex(2, Path.Combine(dir, "spill-0"), kept))
        {
            earlier.Add(0, string.Join(' ', Enumerable.Range(0, 5000).Select(i => $"gone{i}")), "旧");
            earlier.Add(1, documents[0] + " 残疾人法律顾问", "旧");
            earlier.WriteShards(new SiteWriter(Path.Combine(dir, "earlier")));
        }

        string Shards(string name, SearchTerms? terms)
        {
            var site = Path.Combine(dir, name);
            using var index = new InvertedIndex(documents.Count, Path.Combine(dir, "spill-" + name), terms);
            Parallel.For(0, documents.Count, i => index.Add(i, documents[i], $"项目{i % 5}"));
            index.WriteShards(new SiteWriter(site));
            return site;
        }

        var (fresh, again) = (Shards("fresh", null), Shards("again", kept));
        var files = Directory.GetFiles(Path.Combine(fresh, "search", "shards")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(Path.Combine(again, "search", "shards")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(files, file => Assert.Equal(File.ReadAllBytes(Path.Combine(fresh, "search", "shards", file!)), File.ReadAllBytes(Path.Combine(again, "search", "shards", file!))));
    }
}
