using System.Text.Json.Nodes;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Core.Tests.Contract;

/// <summary>
/// docs/layouts.md is the contract's reference (issue 15): every key of the published JSON Schemas of layout,
/// framework, scoring and import patterns files (templates/schemas/, written by <c>perfdisclosure schemas</c>) has its row, by its
/// dotted path, in the table of its file.
/// </summary>
public class LayoutReferenceDocsTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(Repo.Root, "docs", "layouts.md"));

    /// <summary>Each published schema (or a definition in it) and the heading of its table in docs/layouts.md.</summary>
    private static readonly (string Schema, string Definition, string Heading)[] Tables =
    [
        ("layout.schema.json", "", "### Layout file"),
        ("layout.schema.json", "field", "### A field or column entry"),
        ("framework.schema.json", "", "### Framework file"),
        ("scoring.schema.json", "", "### Scoring file"),
        ("import.schema.json", "", "### Import file"),
    ];

    public static TheoryData<string> Headings => [.. Tables.Select(t => t.Heading)];

    [Theory]
    [MemberData(nameof(Headings))]
    public void Every_key_of_a_published_schema_has_its_row(string heading)
    {
        var paths = SchemaPaths(heading);
        Assert.NotEmpty(paths);
        var section = Section(heading);
        var missing = paths.Where(p => !section.Contains($"| `{p}` |", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"{heading} lacks rows for: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Headings))]
    public void The_reference_has_no_row_the_schema_does_not_have(string heading)
    {
        var paths = SchemaPaths(heading);
        var extra = Section(heading).Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l[3..l.IndexOf('`', 3)])
            .Where(r => !paths.Contains(r))
            .ToList();
        Assert.True(extra.Count == 0, $"{heading} has rows no schema has: {string.Join(", ", extra)}");
    }

    private static HashSet<string> SchemaPaths(string heading)
    {
        var (schema, definition, _) = Tables.Single(t => t.Heading == heading);
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "templates", "schemas", schema)))!;
        return [.. Paths(definition.Length == 0 ? root : root["definitions"]![definition]!, string.Empty)];
    }

    /// <summary>The dotted paths of an object shape's keys: <c>checks.sums[].total</c>, <c>organisations.&lt;id&gt;.rounding</c>.</summary>
    private static IEnumerable<string> Paths(JsonNode shape, string prefix)
    {
        if (shape["properties"] is not JsonObject properties)
        {
            yield break;
        }

        foreach (var (key, value) in properties)
        {
            var path = prefix + key;
            yield return path;
            foreach (var inner in Paths(value!, path + "."))
            {
                yield return inner;
            }

            if (value!["items"] is JsonObject items)
            {
                foreach (var inner in Paths(items, path + "[]."))
                {
                    yield return inner;
                }
            }

            if (value["additionalProperties"] is JsonObject each)
            {
                foreach (var inner in Paths(each, path + ".<id>."))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string Section(string heading)
    {
        var start = Page.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/layouts.md has no '{heading}'");
        var end = Page.IndexOf("\n#", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? Page[start..] : Page[start..end];
    }
}
