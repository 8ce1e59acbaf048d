using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Frameworks;
using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Schemas;
using PerfDisclosure.Core.Scoring;
using PerfDisclosure.Testing;
using YamlDotNet.RepresentationModel;

namespace PerfDisclosure.Build.Tests.Loading;

/// <summary>
/// A typo in any key or value of any layout, framework, scoring or import file is an error at its line (issue 15,
/// Done when). Every theme file of the seed theme and of every example site (docs/examples/*/templates) is copied,
/// and each of its mapping keys and values is misspelt in turn (one letter added); loading the theme with the
/// site's organisations must report an error at that line of that file. Where <see cref="ThemeFileCheckTests"/>
/// picks mistakes one by one, this walks them all.
/// <para>
/// Exempt are values no check can know to be wrong (see <see cref="Exempt"/>): free text a reader sees or an import
/// compares (labels, titles, hints' words, headers, placeholders, descriptions, number formats, column-group and
/// row names), and names a file defines rather than refers to (a field's <c>key</c>, an enumeration's
/// <c>values</c>, a framework's level names, a scoring file's grade names): misspelling a definition is tested
/// where it is used (a path, a skeleton, a hint, a grade field's values). Mapping keys are never exempt.
/// </para>
/// </summary>
public class EveryThemeKeyTests
{
    private static readonly string Examples = Path.Combine(Repo.Root, "docs", "examples");

    /// <summary>Keys whose values are free text: a typo in them is a wording, and only a reader can see it.</summary>
    private static readonly HashSet<string> FreeText = new(StringComparer.Ordinal)
    {
        "label", "title", "titles", "jurisdiction", "description", "marker", "markers", "words", "printed_labels",
        "level1", "level2", "level3", "group", "row", "format", "placeholders",
    };

    /// <summary>Every theme file: the site ("" for the seed theme) and the file's path under its templates folder.</summary>
    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (var (site, templates) in Sites())
        {
            foreach (var file in new[] { "layouts/forms", "frameworks", "scoring", "import" }
                .Where(folder => Directory.Exists(Path.Combine(templates, folder)))
                .SelectMany(folder => Directory.GetFiles(Path.Combine(templates, folder), "*.yaml"))
                .Select(f => Path.GetRelativePath(templates, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal))
            {
                data.Add(site, file);
            }
        }

        return data;
    }

    private static IEnumerable<(string Site, string Templates)> Sites() =>
    [
        (string.Empty, Repo.Templates),
        .. Directory.GetDirectories(Examples).Order(StringComparer.Ordinal).Select(d => (Path.GetFileName(d), Path.Combine(d, "templates"))),
    ];

    [Theory]
    [MemberData(nameof(Files))]
    public void A_typo_in_any_key_or_value_is_an_error_at_its_line(string site, string file)
    {
        var source = site.Length == 0 ? Repo.Templates : Path.Combine(Examples, site, "templates");
        var content = site.Length == 0 ? Repo.Content : Path.Combine(Examples, site, "content");
        var organisations = Build.Loading.ContentLoader.Load(content, new ThemeFiles(source)).Organisations.Keys.ToList();
        var seed = File.ReadAllText(Path.Combine(source, file));
        var schema = file.Split('/')[0] switch
        {
            "layouts" => LayoutFile.Schema,
            "frameworks" => FrameworkFile.Schema,
            "scoring" => ScoringFile.Schema,
            _ => ImportFile.Schema,
        };
        var stream = new YamlStream();
        stream.Load(new StringReader(seed));
        var root = stream.Documents[0].RootNode;
        var places = new SortedDictionary<long, (YamlScalarNode Node, string Path)>();
        Walk(root, schema.Root, schema, string.Empty, places, new Context(file.Split('/')[0], root));
        Assert.NotEmpty(places);

        // The unchanged file is clean: every error below is the typo's.
        var templates = Repo.TempDir("every-theme-key");
        if (site.Length > 0)
        {
            Repo.CopyTree(templates, source);
        }

        var path = Path.Combine(templates, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, seed);
        Assert.Empty(Load(templates, organisations).Where(d => d.IsError).Select(d => d.ToString()));

        var missed = new List<string>();
        var tried = 0;
        foreach (var (index, (node, at)) in places)
        {
            // A quoted scalar's text starts one character after its node.
            var start = (int)index + (seed[(int)index] is '"' or '\'' ? 1 : 0);
            if (string.CompareOrdinal(seed, start, node.Value, 0, node.Value!.Length) != 0)
            {
                continue;
            }

            tried++;
            var end = start + node.Value.Length;
            File.WriteAllText(path, seed[..end] + "q" + seed[end..]);
            var errors = Load(templates, organisations).Where(d => d.IsError && d.Where.File.Replace('\\', '/').EndsWith(file, StringComparison.Ordinal));
            if (!errors.Any(d => d.Where.Line == node.Start.Line))
            {
                missed.Add($"{at} = {node.Value}q at line {node.Start.Line}");
            }
        }

        Assert.True(tried == places.Count, $"{file}: only {tried} of {places.Count} places could be misspelt");
        Assert.True(missed.Count == 0, $"{site}/{file}: no error at the line of {string.Join("; ", missed)}");
    }

    /// <summary>What loading and checking a theme reports (its layouts, frameworks, scoring rules and import files), with the site's organisations.</summary>
    internal static IReadOnlyList<Diagnostic> Load(string templates, IReadOnlyCollection<string> organisations)
    {
        var theme = new ThemeFiles(templates);
        var diagnostics = new Build.Loading.DiagnosticBag();
        var layouts = Build.Loading.ContentLoader.LoadLayouts(theme, diagnostics);
        Build.Loading.ValidationDataReader.Read(theme, layouts.Values, diagnostics, organisations);
        return diagnostics.ToList();
    }

    /// <summary>The kind of file walked (its folder) and its root, which decides what the file defines.</summary>
    private sealed record Context(string Kind, YamlNode Root)
    {
        public bool Extends => Root is YamlMappingNode mapping && mapping.Children.ContainsKey(new YamlScalarNode("extends"));
    }

    /// <summary>
    /// Whether the value at <paramref name="path"/> (keys from the root, <c>[]</c> for a list item, <c>*</c> for a key
    /// the file chooses) is exempt: free text, or a name this file defines. Mapping keys of a shape are never exempt.
    /// </summary>
    private static bool Exempt(Context context, string path, YamlMappingNode? parent)
    {
        var segments = path.Split('.', StringSplitOptions.RemoveEmptyEntries);
        var last = segments.LastOrDefault(s => s is not "[]") ?? string.Empty;
        if (FreeText.Contains(last))
        {
            return true;
        }

        return (context.Kind, last) switch
        {
            // a field's or column's key: its uses (owner, amount, paths, redaction, product_of …) are misspelt instead
            ("layouts", "key") => true,
            // an enumeration's allowed values are the layout's own, except a grade field's, which name the scoring file's grades
            ("layouts", "values") => parent is null || !parent.Children.TryGetValue(new YamlScalarNode("role"), out var role) || role is not YamlScalarNode { Value: "grade" },
            // level-1 names where the framework extends none (an extension adds level-2 names under its parent's level-1 names)
            ("frameworks", "levels") => !context.Extends,
            // the level-2 names a framework defines (skeletons and hints refer to them)
            ("frameworks", "*") => true,
            // the grade names the scoring file defines (a layout's grade field refers to them)
            ("scoring", "name") => true,
            _ => false,
        };
    }

    /// <summary>The keys and values of the file with their paths, by their place in the file (an alias is visited once).</summary>
    private static void Walk(YamlNode node, Shape shape, FileSchema schema, string path, SortedDictionary<long, (YamlScalarNode, string)> places, Context context, YamlMappingNode? parent = null)
    {
        switch (schema.Resolve(shape), node)
        {
            case (ObjectShape mapping, YamlMappingNode yaml):
                foreach (var (key, value) in yaml.Children)
                {
                    if (key is YamlScalarNode { Value: { } name } scalar && mapping.Find(name) is { } known)
                    {
                        places.TryAdd(scalar.Start.Index, (scalar, $"{path}.{name} (key)"));
                        Walk(value, known.Shape, schema, $"{path}.{name}", places, context, yaml);
                    }
                }

                break;
            case (MapShape map, YamlMappingNode yaml):
                foreach (var (key, value) in yaml.Children)
                {
                    if (key is YamlScalarNode { Value: { Length: > 0 } } scalar && !Exempt(context, path, parent))
                    {
                        places.TryAdd(scalar.Start.Index, (scalar, $"{path}.{scalar.Value} (key)"));
                    }

                    Walk(value, map.Values, schema, $"{path}.*", places, context, parent);
                }

                break;
            case (ListShape list, YamlSequenceNode yaml):
                foreach (var item in yaml.Children)
                {
                    Walk(item, list.Items, schema, $"{path}.[]", places, context, parent);
                }

                break;
            case (TextShape or NumberShape or BooleanShape, YamlScalarNode { Value: { Length: > 0 } } scalar) when !Exempt(context, path, parent):
                places.TryAdd(scalar.Start.Index, (scalar, path));
                break;
        }
    }
}
