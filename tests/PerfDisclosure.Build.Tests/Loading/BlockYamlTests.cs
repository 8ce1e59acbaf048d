using CsCheck;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Testing;
using YamlDotNet.Core;

namespace PerfDisclosure.Build.Tests.Loading;

/// <summary>
/// The fast reader of the common YAML shape (<see cref="BlockYaml"/>) against YamlDotNet's events: on every seed
/// file, on hand-written shapes, and on generated texts and mutated forms, it either gives the very tree
/// YamlDotNet gives (values, styles, tags and start marks, node for node) or leaves the text to YamlDotNet. It
/// never gives a tree for a text YamlDotNet refuses.
/// </summary>
public class BlockYamlTests
{
    private static readonly string[] SeedFiles = [.. Directory.EnumerateFiles(Repo.Content, "*.yaml", SearchOption.AllDirectories)
        .Concat(Directory.EnumerateFiles(Repo.Templates, "*.yaml", SearchOption.AllDirectories)).Order(StringComparer.Ordinal)];

    private static readonly string[] SeedLines = File.ReadAllLines(Path.Combine(Repo.Content, TestSite.SeedForm));

    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.OneOf(":", ": ", "- ", "-", " ", "  ", "\n", "\n  ", "\n- ", "\n  - ", "#", " # c", "|", "|-", "|+", "|\n  ", "|-\n    ", ">", "'", "''", "\"", "\\", "[", "{", "&a ", "*a", "!!str ", "? ", "---", "...", "%", "\t", "\r\n", "-5", "~", "null", "年", "≥90%", "a: b", "k:\n  - x\n  - y"),
        Gen.OneOf("layout", "year", "project_name", "indicators", "level1", "target", "funds", "total"),
        Gen.String[Gen.Char["a :-#'\"|\n"], 0, 4]);

    private static readonly Gen<string> Text = Piece.Array[0, 30].Select(p => string.Concat(p));

    [Fact]
    public void Every_seed_file_is_read_by_the_fast_reader_to_the_tree_YamlDotNet_gives()
    {
        var read = 0;
        foreach (var file in SeedFiles)
        {
            var text = File.ReadAllText(file);
            if (BlockYaml.Read(text) is { } fast)
            {
                read++;
                Same(Single(Yaml.LoadEvents(file, text)), fast, file);
            }
        }

        // The speed of loading rests on this: the forms, organisations and layouts as publishers write them.
        Assert.True(read >= SeedFiles.Length * 9 / 10, $"{read} of {SeedFiles.Length} seed files read by the fast reader; not: {string.Join(", ", SeedFiles.Select(f => (f, BlockYaml.Read(File.ReadAllText(f), out var line) is null ? line : -1)).Where(f => f.Item2 >= 0).Select(f => $"{f.f}:{f.Item2}"))}");
        Assert.All(Directory.EnumerateFiles(Path.Combine(Repo.Content, "forms"), "*.yaml", SearchOption.AllDirectories), file => Assert.NotNull(BlockYaml.Read(File.ReadAllText(file))));
    }

    [Theory]
    [InlineData("a: 1\nb: two words  # comment\nc:\nd: ''\n")]
    [InlineData("# leading comment\n\nlist:\n- a\n-\n- b: 1\n  c: 2\n-   d: 3\n    e:\nafter: x\n")]
    [InlineData("list:\n  - a\n  -\n")]
    [InlineData("outer:\n  inner:\n    deep: -5\n  list:\n  - 'it''s'\n  - \"≥90%\"\n")]
    [InlineData("text: |\n  first line\n\n  third line  \n    indented\n\n\nnext: 1\n")]
    [InlineData("text: |-\n  kept\n  lines\nitems:\n- |\n  in a list\n- k: |\n    in a mapping in a list\n")]
    [InlineData("k: http://example.gov.cn/a#b\nkey with spaces: v:w\n-x: y\nnull: ~\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("a:\n  - x\n  # a comment between items\n  - y\nb: 2")]
    [InlineData("a:\n- x\n- k:\n  - nested indentless\nb: 2\n")]
    [InlineData("项目名称: 政府信息公开\n指标:\n- 一级: 产出指标\n")]
    [InlineData("markers: [\"*\", '+']\nnone: []\nempty: {}\nrow: {initial_budget: 62.50, full_year_budget: -1, note: a/b，c}\nlist:\n- {level1: 效益指标, level2: [x, {y: z}]}   # printed empty\n")]
    public void A_common_shape_is_read_by_the_fast_reader_as_YamlDotNet_reads_it(string text)
    {
        var fast = BlockYaml.Read(text);
        Assert.NotNull(fast);
        Same(Single(Yaml.LoadEvents("x.yaml", text)), fast, text);
    }

    [Theory]
    [InlineData("a: [1, 2\n  , 3]\n")]
    [InlineData("a: {b}\n")]
    [InlineData("a: [b: c]\n")]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("a: !!str 1\n")]
    [InlineData("a: >\n  folded\n")]
    [InlineData("a: |+\n  kept\n\n")]
    [InlineData("a: |2\n   x\n")]
    [InlineData("a: b\n  continued\n")]
    [InlineData("a: \"multi\n  line\"\n")]
    [InlineData("a: \"esc\\n\"\n")]
    [InlineData("a:\tb\n")]
    [InlineData("a: b\r\nc: d\r\n")]
    [InlineData("---\na: 1\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a: |\n\n  leading empty line\n")]
    [InlineData("a: |\n  no final line break")]
    [InlineData("just a scalar\n")]
    [InlineData("? complex\n: key\n")]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void Any_other_shape_is_left_to_YamlDotNet(string text) => Assert.Null(BlockYaml.Read(text));

    [Fact]
    public void A_generated_text_is_read_as_YamlDotNet_reads_it_or_left_to_it() =>
        Text.Sample(text => Agrees(text), iter: 50_000);

    [Fact]
    public void A_mutated_seed_form_is_read_as_YamlDotNet_reads_it_or_left_to_it()
    {
        var mutation = Gen.Select(Gen.Int[SeedMutation.Drop, SeedMutation.Insert], Gen.Int[0, SeedLines.Length - 1], Gen.Int[0, SeedLines.Length - 1], Piece.Array[0, 3].Select(p => string.Concat(p)));
        mutation.Array[1, 4].Sample(mutations =>
        {
            var lines = SeedLines.ToList();
            foreach (var (kind, i, j, piece) in mutations)
            {
                SeedMutation.Apply(lines, kind, i, j, piece);
            }

            Agrees(string.Join('\n', lines) + "\n");
        }, iter: 20_000);
    }

    /// <summary>Whatever the text: no tree from the fast reader, or YamlDotNet's tree.</summary>
    private static void Agrees(string text)
    {
        if (BlockYaml.Read(text) is not { } fast)
        {
            return;
        }

        List<YamlNode> expected;
        try
        {
            expected = Yaml.LoadEvents("x.yaml", text);
        }
        catch (Exception e)
        {
            Assert.Fail($"the fast reader gave a tree for a text YamlDotNet refuses ({e.GetType().Name}: {e.Message}):\n{text}");
            return;
        }

        Same(Single(expected), fast, text);
    }

    private static YamlNode Single(List<YamlNode> documents) => Assert.Single(documents);

    private static void Same(YamlNode expected, YamlNode actual, string where)
    {
        Assert.True(expected.GetType() == actual.GetType(), $"{expected.GetType().Name} {expected} against {actual.GetType().Name} {actual} at {expected.Start} in\n{where}");
        Assert.True(Same(expected.Start, actual.Start) && expected.Tag.Equals(actual.Tag), $"{expected.Start} {expected.Tag} against {actual.Start} {actual.Tag} in\n{where}");
        switch (expected)
        {
            case YamlScalarNode scalar:
                var other = (YamlScalarNode)actual;
                Assert.True(scalar.Value == other.Value && scalar.Style == other.Style, $"\"{scalar.Value}\" ({scalar.Style}) against \"{other.Value}\" ({other.Style}) at {scalar.Start} in\n{where}");
                break;
            case YamlSequenceNode sequence:
                var items = ((YamlSequenceNode)actual).Children;
                Assert.True(sequence.Children.Count == items.Count, $"{sequence.Children.Count} items against {items.Count} at {sequence.Start} in\n{where}");
                for (var i = 0; i < items.Count; i++)
                {
                    Same(sequence.Children[i], items[i], where);
                }

                break;
            default:
                var entries = ((YamlMappingNode)expected).Children;
                var others = ((YamlMappingNode)actual).Children;
                Assert.True(entries.Count == others.Count, $"{entries.Count} entries against {others.Count} at {expected.Start} in\n{where}");
                for (var i = 0; i < entries.Count; i++)
                {
                    var (key, value) = entries.EntryAt(i);
                    var (otherKey, otherValue) = others.EntryAt(i);
                    Same(key, otherKey, where);
                    Same(value, otherValue, where);
                }

                break;
        }
    }

    private static bool Same(Mark a, Mark b) => a.Index == b.Index && a.Line == b.Line && a.Column == b.Column;
}
