using System.Text.Json;
using System.Text.RegularExpressions;
using PerfDisclosure.Build.Search;
using PerfDisclosure.Build.Tests.Caching;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Search;

/// <summary>A one-form edit changes the index files of that form only: no other form's document changes number.</summary>
public class SearchStabilityTests
{
    [Fact]
    public void A_renamed_form_moves_no_other_forms_document_and_rewrites_only_shards_of_its_terms()
    {
        var (content, _, output) = IncrementalBuildTests.Workspace();
        Build(content, output);
        var before = Documents(output);

        // The first form of an organisation-year by name, renamed to sort last: the site's order of that group changes.
        var forms = SearchCorpus.Content.Forms;
        var group = forms.GroupBy(f => (f.Owner, f.Year)).First(g => g.Count() >= 2 && g.Select(f => f.ProjectName).Distinct().Count() == g.Count());
        var form = group.OrderBy(f => f.ProjectName, StringComparer.Ordinal).First();
        var file = Path.Combine(content, "forms", form.Id + ".yaml");
        var yaml = File.ReadAllText(file);
        File.WriteAllText(file, new Regex("^project_name: ", RegexOptions.Multiline).Replace(yaml, "project_name: 龥", 1));
        var again = output + "-again";
        Build(content, again);
        var after = Documents(again);

        var url = before.Single(d => d.Value.Title == form.ProjectName).Value.Url;
        var moved = before.Where(d => d.Value.Url == url).Select(d => d.Key).Single();
        Assert.Equal(url, after[moved].Url);
        Assert.Equal("龥" + form.ProjectName, after[moved].Title);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (id, doc) in before.Where(d => d.Key != moved))
        {
            Assert.Equal(doc, after[id]);
        }

        // Every shard that changed holds a term of the renamed form's text, before or after.
        var shards = JsonDocument.Parse(File.ReadAllText(Path.Combine(again, "search", "meta.json"))).RootElement.GetProperty("shards").GetInt32();
        var touched = SearchTokenizer.Tokens(before[moved].Text + " " + after[moved].Text).Select(t => (int)(SearchTokenizer.Hash(t) % (uint)shards)).ToHashSet();
        var changed = Enumerable.Range(0, shards).Where(n => !File.ReadAllBytes(Shard(output, n)).AsSpan().SequenceEqual(File.ReadAllBytes(Shard(again, n)))).ToList();
        Assert.NotEmpty(changed);
        Assert.All(changed, n => Assert.Contains(n, touched));
    }

    private static string Shard(string site, int n) => Path.Combine(site, "search", "shards", $"{n}.bin");

    private static SortedDictionary<int, Doc> Documents(string site) =>
        new(Directory.EnumerateFiles(Path.Combine(site, "search", "docs")).ToDictionary(
            f => int.Parse(Path.GetFileNameWithoutExtension(f), System.Globalization.CultureInfo.InvariantCulture),
            f =>
            {
                var doc = JsonDocument.Parse(File.ReadAllText(f)).RootElement;
                return new Doc(doc.GetProperty("url").GetString()!, doc.GetProperty("title").GetString()!, doc.GetProperty("text").GetString()!);
            }));

    private static void Build(string content, string output)
    {
        var result = new SiteBuilder(new BuildOptions(content, Repo.Templates, output)).Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
    }

    private sealed record Doc(string Url, string Title, string Text);
}
