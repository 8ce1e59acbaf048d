using System.Text.RegularExpressions;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Pdf;

/// <summary>A rebuild prints only what changed: the PDF cache (pdf/ in the --cache folder) keeps the rest.</summary>
public partial class IncrementalPdfTests(PrintedCorpus corpus)
{
    [Fact]
    public void A_one_form_change_reprints_that_form_and_its_compilation_only()
    {
        corpus.Require();
        var content = Repo.CopyTree(Path.Combine(corpus.Root, "content-edited"));
        var output = Path.Combine(corpus.Root, "site-edited");
        var cache = corpus.CacheCopy("cache-edited");

        // Same content as the corpus build, so the cache has every PDF already.
        Assert.Empty(Printed(Build(content, output, cache)));

        var form = Path.Combine(content, "forms", "sh-minhang-investment-promotion", "2026", "legal-counsel.yaml");
        var yaml = File.ReadAllText(form);
        Assert.Contains("\"≤1.35(万元)\"", yaml, StringComparison.Ordinal);
        File.WriteAllText(form, yaml.Replace("\"≤1.35(万元)\"", "\"≤1.40(万元)\"", StringComparison.Ordinal));

        Assert.Equal(
            ["sh-minhang-investment-promotion/2026/legal-counsel/legal-counsel.pdf", "sh-minhang-investment-promotion/2026/sh-minhang-investment-promotion-2026.pdf"],
            Printed(Build(content, output, cache)).Order(StringComparer.Ordinal));
        Assert.Contains("≤1.40(万元)", Poppler.Text(Path.Combine(output, "sh-minhang-investment-promotion/2026/legal-counsel/legal-counsel.pdf")), StringComparison.Ordinal);
    }

    private static string Build(string content, string output, string cache)
    {
        var log = new StringWriter();
        var result = new SiteBuilder(new BuildOptions(content, Repo.Templates, output, RequirePdf: true, CacheDir: cache), log).Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return log.ToString();
    }

    private static List<string> Printed(string log) => [.. PrintedLine().Matches(log).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"^pdf: printed (\S+\.pdf)\r?$", RegexOptions.Multiline)]
    private static partial Regex PrintedLine();
}
