using System.Text;
using YamlDotNet.RepresentationModel;

namespace PerfDisclosure.Bench;

/// <summary>
/// A synthetic content/ folder of N forms shaped like the seed forms: each form copies a seed form's layout,
/// numbers and indicator structure (so fund and score checks still hold), and recombines its texts — project
/// name, long texts sentence by sentence, level-3 indicator names — from every seed form of the same layout,
/// under one of N/25 generated organisations. The same seed gives the same files.
/// </summary>
public sealed class CorpusGenerator
{
    private static readonly string[] Departments =
    [
        "教育局", "民政局", "财政局", "卫生健康委员会", "残疾人联合会", "司法局", "文化和旅游局", "体育局", "生态环境局", "交通委员会",
        "住房和城乡建设管理委员会", "农业农村委员会", "人力资源和社会保障局", "市场监督管理局", "应急管理局", "退役军人事务局", "科学技术委员会",
        "商务委员会", "投资促进中心", "档案馆", "图书馆", "疾病预防控制中心", "城市管理行政执法局", "水务局", "规划和自然资源局",
    ];

    private readonly Random random;
    private readonly List<Seed> seeds = [];
    private readonly Dictionary<string, string> seedJurisdictions = new(StringComparer.Ordinal);
    private readonly string siteYaml;
    private readonly string? pagesDir;

    public CorpusGenerator(string contentDir, int seed)
    {
        random = new Random(seed);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(contentDir, "organisations"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var root = Load(File.ReadAllText(file));
            seedJurisdictions[Path.GetFileNameWithoutExtension(file)] = Scalar(root, "jurisdiction") ?? string.Empty;
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(contentDir, "forms"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            // forms/<owner>/<year>/<slug>.yaml: the folder names the owner, whichever field the layout takes it from.
            var owner = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file)))!;
            seeds.Add(new Seed(text, Scalar(Load(text), "layout") ?? string.Empty, owner));
        }

        siteYaml = File.ReadAllText(Path.Combine(contentDir, "site.yaml"));
        pagesDir = Directory.Exists(Path.Combine(contentDir, "pages")) ? Path.Combine(contentDir, "pages") : null;
        Pools = seeds.GroupBy(s => s.Layout, StringComparer.Ordinal).ToDictionary(g => g.Key, g => TextPools.Of(g.Select(s => Load(s.Text))), StringComparer.Ordinal);
    }

    private Dictionary<string, TextPools> Pools { get; }

    public (int Forms, int Organisations) Write(string outDir, int count)
    {
        if (Directory.Exists(outDir))
        {
            Directory.Delete(outDir, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(outDir, "organisations"));
        File.WriteAllText(Path.Combine(outDir, "site.yaml"), siteYaml);
        if (pagesDir is not null)
        {
            Directory.CreateDirectory(Path.Combine(outDir, "pages"));
            foreach (var page in Directory.EnumerateFiles(pagesDir))
            {
                File.Copy(page, Path.Combine(outDir, "pages", Path.GetFileName(page)));
            }
        }

        var jurisdictions = seedJurisdictions.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var organisations = Enumerable.Range(0, Math.Max(2, count / 25)).Select(i =>
        {
            var jurisdiction = jurisdictions[random.Next(jurisdictions.Length)];
            return (Id: $"org-{i:D4}", Name: jurisdiction + Departments[i % Departments.Length] + (i >= Departments.Length ? $"第{(i / Departments.Length) + 1}分部" : string.Empty), Jurisdiction: jurisdiction);
        }).ToArray();
        foreach (var o in organisations)
        {
            File.WriteAllText(Path.Combine(outDir, "organisations", o.Id + ".yaml"), $"name: {o.Name}\njurisdiction: {o.Jurisdiction}\n");
        }

        for (var i = 0; i < count; i++)
        {
            var seed = seeds[random.Next(seeds.Count)];
            var root = Load(seed.Text);
            var owner = organisations[random.Next(organisations.Length)];
            var other = organisations[random.Next(organisations.Length)];
            Recombine(root, Pools[seed.Layout], seed.Owner, owner, other);
            var year = Scalar(root, "year") ?? "2024";
            var dir = Path.Combine(outDir, "forms", owner.Id, year);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, $"form-{i:D6}.yaml"), Save(root));
        }

        return (count, organisations.Length);
    }

    /// <summary>Organisation references become the owner (or, for the other one, a second organisation); texts are redrawn.</summary>
    private void Recombine(YamlMappingNode root, TextPools pools, string ownerSeed, (string Id, string Name, string Jurisdiction) owner, (string Id, string Name, string Jurisdiction) other)
    {
        // A classified form publishes only its redacted texts: drawing texts from other forms would publish details.
        var classified = Scalar(root, "classified") == "true";
        foreach (var (key, value) in root.Children.ToList())
        {
            var name = ((YamlScalarNode)key).Value!;
            if (value is YamlScalarNode scalar && scalar.Value is { } text)
            {
                if (seedJurisdictions.ContainsKey(text))
                {
                    root.Children[key] = new YamlScalarNode(text == ownerSeed ? owner.Id : other.Id);
                }
                else if (name.EndsWith("_printed", StringComparison.Ordinal))
                {
                    root.Children[key] = new YamlScalarNode(owner.Name);
                }
                else if (classified)
                {
                    continue;
                }
                else if (name == "project_name")
                {
                    root.Children[key] = new YamlScalarNode(pools.ProjectName(random));
                }
                else if (text.Contains('\n', StringComparison.Ordinal) || pools.HasSentences(name))
                {
                    root.Children[key] = new YamlScalarNode(pools.Paragraph(name, random)) { Style = YamlDotNet.Core.ScalarStyle.Literal };
                }
            }
        }

        if (!classified && root.Children.TryGetValue(new YamlScalarNode("indicators"), out var rows) && rows is YamlSequenceNode sequence)
        {
            foreach (var row in sequence.Children.OfType<YamlMappingNode>())
            {
                var level2 = Scalar(row, "level2") ?? string.Empty;
                if (Scalar(row, "level3") is not null)
                {
                    row.Children[new YamlScalarNode("level3")] = new YamlScalarNode(pools.Level3(level2, random));
                }
            }
        }
    }

    public static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Save(YamlMappingNode root)
    {
        var writer = new StringWriter(new StringBuilder(), System.Globalization.CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString().TrimEnd('.', '\n', '\r') + "\n";
    }

    public static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode s ? s.Value : null;

    private sealed record Seed(string Text, string Layout, string Owner);
}
