using System.Text.Json;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Search;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Search;

/// <summary>The browser's tokenizer (templates/assets/search.js) must give exactly the C# terms, or hits are lost.</summary>
public class TokenizerAgreementTests
{
    [Fact]
    public void Search_js_tokenizes_every_seed_text_exactly_like_csharp()
    {
        var node = Tools.Find("node");
        if (node is null)
        {
            Assert.False(Repo.InCi, "node must be installed in CI (.ci/run installs it)");
            Assert.Skip("node is not installed; .ci/run installs it");
        }

        var samples = Samples();
        var expected = samples.Select(s => new
        {
            fold = SearchTokenizer.Fold(s),
            tokens = SearchTokenizer.Tokens(s),
            query = SearchTokenizer.QueryTerms(s),
            hashes = SearchTokenizer.Tokens(s).Select(SearchTokenizer.Hash).ToList(),
        }).ToList();

        var dir = Repo.TempDir("tokenizer");
        File.WriteAllText(Path.Combine(dir, "samples.json"), JsonSerializer.Serialize(samples));
        File.WriteAllText(Path.Combine(dir, "run.js"), """
            const s = require(process.argv[2]);
            const samples = JSON.parse(require('fs').readFileSync(process.argv[3], 'utf8'));
            process.stdout.write(JSON.stringify(samples.map(x => ({ fold: s.fold(x), tokens: s.tokens(x), query: s.queryTerms(x), hashes: s.tokens(x).map(s.hash) }))));
            """);
        var script = Path.Combine(Repo.Templates, "assets", "search.js");
        var output = Tools.Run(node, [Path.Combine(dir, "run.js"), script, Path.Combine(dir, "samples.json")]);

        // Compared re-serialised, so both sides escape alike.
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(JsonDocument.Parse(output)));
    }

    /// <summary>Every text of the 47 seed forms, plus the awkward cases: full-width, mixed scripts, surrogates, empty.</summary>
    private static List<string> Samples()
    {
        var content = ContentLoader.Load(Repo.Content, new ThemeFiles(Repo.Templates));
        var texts = content.Forms.SelectMany(f => FormText.Values(f, content)).ToList();
        texts.AddRange(["", " ", "１２３ＡＢＣａｂｃ", "\u3000全角\u3000空格", "SIPC运作2023年度", "𠀀𠀁 surrogate 字", "〇一二", "Ⅻ ① ½ ﬁ", "A-1_b.2/c", "ＡＢ１２，。、；：？！"]);
        return texts;
    }
}
