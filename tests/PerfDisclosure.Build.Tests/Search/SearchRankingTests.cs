using System.Text.Json;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Search;

/// <summary>The browser's ranking (search.js under node) over the index of the seed site.</summary>
public class SearchRankingTests
{
    [Theory]
    [InlineData("招商")]
    [InlineData("法律顾问")]
    public void Forms_naming_the_query_in_their_project_name_come_first_and_ties_go_newest_first(string query)
    {
        var hits = Ranked(query);
        Assert.True(hits.Count > 1);
        var named = hits.Select(h => h.Title.Contains(query, StringComparison.Ordinal)).ToList();
        Assert.True(named[0]);
        Assert.Equal(named.OrderByDescending(n => n), named);
        for (var i = 1; i < hits.Count; i++)
        {
            if (hits[i].Score == hits[i - 1].Score)
            {
                Assert.True(hits[i].Year <= hits[i - 1].Year, $"{hits[i - 1].Title} ({hits[i - 1].Year}) before {hits[i].Title} ({hits[i].Year})");
            }
        }
    }

    private sealed record Hit(string Title, int Year, double Score);

    private static List<Hit> Ranked(string query)
    {
        var node = Tools.Find("node");
        if (node is null)
        {
            Assert.False(Repo.InCi, "node must be installed in CI (.ci/run installs it)");
            Assert.Skip("node is not installed; .ci/run installs it");
        }

        var dir = Repo.TempDir("ranking");
        var script = Path.Combine(dir, "rank.js");
        File.WriteAllText(script, """
            const fs = require('fs');
            const s = require(process.argv[2]);
            const index = process.argv[3];
            const engine = s.createEngine(async (path, kind) => {
              const body = fs.readFileSync(index + '/' + path);
              return kind === 'json' ? JSON.parse(body) : body.buffer.slice(body.byteOffset, body.byteOffset + body.length);
            });
            engine.search(process.argv[4], {}).then(r => process.stdout.write(JSON.stringify(r.hits.map(id => {
              const doc = JSON.parse(fs.readFileSync(index + '/docs/' + id + '.json'));
              return { Title: doc.title, Year: doc.year, Score: r.score[id] };
            }))));
            """);
        var output = Tools.Run(node!, [script, Path.Combine(Repo.Templates, "assets", "search.js"), Path.Combine(SearchCorpus.Root, "search"), query]);
        return JsonSerializer.Deserialize<List<Hit>>(output)!;
    }
}
