using PerfDisclosure.Build.Publishing;
using PerfDisclosure.Build.Search;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Search;

/// <summary>The spilled index holds exactly the postings of the documents, whatever their order of arrival and size.</summary>
public class InvertedIndexTests
{
    [Fact]
    public void Shards_hold_every_term_of_every_document_with_its_weight_in_document_order()
    {
        // Enough documents and terms that every bucket's spill file is read in several chunks.
        var random = new Random(7);
        const string Characters = "预算绩效目标项目资金管理服务质量满意度宣传招商投资促进残疾人法律顾问年度计划完成率成本指标效益社会经济生态可持续影响时效数量合格覆盖";
        var documents = Enumerable.Range(0, 3000).Select(_ => new string(Enumerable.Range(0, random.Next(200, 900)).Select(_ => Characters[random.Next(Characters.Length)]).ToArray()) + $" word{random.Next(50)}").ToList();
        var headings = documents.Select((_, i) => $"项目{i % 7}").ToList();
        var dir = Repo.TempDir("inverted-index");
        var writer = new SiteWriter(Path.Combine(dir, "site"));
        int shards;
        using (var index = new InvertedIndex(documents.Count, Path.Combine(dir, "spill")))
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
}
