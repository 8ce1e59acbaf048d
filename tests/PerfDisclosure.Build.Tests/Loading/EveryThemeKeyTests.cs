using PerfDisclosure.Core.Frameworks;
using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Schemas;
using PerfDisclosure.Core.Scoring;
using PerfDisclosure.Testing;
using YamlDotNet.RepresentationModel;

namespace PerfDisclosure.Build.Tests.Loading;

/// <summary>
/// A typo in any key or closed-list value of any layout, framework, scoring or import file is an error at its line
/// (issue 15, Done when): every key the file's schema knows, and every value of a closed list (kind, type, role,
/// section, amount_unit, mode …), is misspelt in turn in a copy of each seed file, and loading must report an error
/// at that line of that file. Where <see cref="ThemeFileCheckTests"/> picks mistakes one by one, this walks them all.
/// </summary>
public class EveryThemeKeyTests
{
    public static TheoryData<string> Files() =>
    [
        .. new[] { "layouts/forms", "frameworks", "scoring", "import" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(Repo.Templates, folder), "*.yaml"))
            .Select(f => Path.GetRelativePath(Repo.Templates, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Files))]
    public void A_typo_in_any_key_or_closed_value_is_an_error_at_its_line(string file)
    {
        var seed = File.ReadAllText(Path.Combine(Repo.Templates, file));
        var schema = file.Split('/')[0] switch
        {
            "layouts" => LayoutFile.Schema,
            "frameworks" => FrameworkFile.Schema,
            "scoring" => ScoringFile.Schema,
            _ => ImportFile.Schema,
        };
        var stream = new YamlStream();
        stream.Load(new StringReader(seed));
        var places = new SortedDictionary<long, YamlScalarNode>();
        Walk(stream.Documents[0].RootNode, schema.Root, schema, places);
        Assert.NotEmpty(places);

        var templates = Repo.TempDir("every-theme-key");
        var path = Path.Combine(templates, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var missed = new List<string>();
        var tried = 0;
        foreach (var (index, node) in places)
        {
            var at = (int)index;
            if (string.CompareOrdinal(seed, at, node.Value, 0, node.Value!.Length) != 0)
            {
                continue; // a quoted scalar: its text does not start where its value does
            }

            tried++;
            var end = at + node.Value.Length;
            File.WriteAllText(path, seed[..end] + "q" + seed[end..]);
            var errors = ThemeFileCheckTests.Load(templates).Where(d => d.IsError && d.Where.File.Replace('\\', '/').EndsWith(file, StringComparison.Ordinal));
            if (!errors.Any(d => d.Where.Line == node.Start.Line))
            {
                missed.Add($"{node.Value}q at line {node.Start.Line}");
            }
        }

        Assert.True(tried >= places.Count / 2, $"{file}: only {tried} of {places.Count} places could be misspelt");
        Assert.True(missed.Count == 0, $"{file}: no error at the line of {string.Join("; ", missed)}");
    }

    /// <summary>The keys the shape knows and the values of its closed lists, by their place in the file (an alias is visited once).</summary>
    private static void Walk(YamlNode node, Shape shape, FileSchema schema, SortedDictionary<long, YamlScalarNode> places)
    {
        switch (schema.Resolve(shape), node)
        {
            case (ObjectShape mapping, YamlMappingNode yaml):
                foreach (var (key, value) in yaml.Children)
                {
                    if (key is YamlScalarNode { Value: { } name } scalar && mapping.Find(name) is { } known)
                    {
                        places.TryAdd(scalar.Start.Index, scalar);
                        Walk(value, known.Shape, schema, places);
                    }
                }

                break;
            case (MapShape map, YamlMappingNode yaml):
                foreach (var value in yaml.Children.Values)
                {
                    Walk(value, map.Values, schema, places);
                }

                break;
            case (ListShape list, YamlSequenceNode yaml):
                foreach (var item in yaml.Children)
                {
                    Walk(item, list.Items, schema, places);
                }

                break;
            case (TextShape { Values: { Count: > 0 } }, YamlScalarNode { Value: { Length: > 0 } } scalar):
                places.TryAdd(scalar.Start.Index, scalar);
                break;
        }
    }
}
