using YamlDotNet.RepresentationModel;

namespace PerfDisclosure.Bench;

/// <summary>The texts of all seed forms of one layout, to draw new forms' texts from.</summary>
public sealed class TextPools
{
    private static readonly string[] Suffixes = ["", "", "", "（二期）", "专项", "经费", "项目", "运维", "补助"];
    private readonly List<string> projectNames = [];
    private readonly Dictionary<string, List<string>> sentences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> level3 = new(StringComparer.Ordinal);

    public static TextPools Of(IEnumerable<YamlMappingNode> forms)
    {
        var pools = new TextPools();
        foreach (var form in forms)
        {
            foreach (var (key, value) in form.Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                if (value is YamlScalarNode { Value: { } text })
                {
                    if (name == "project_name")
                    {
                        pools.projectNames.Add(text);
                    }
                    else if (text.Contains('\n', StringComparison.Ordinal))
                    {
                        Add(pools.sentences, name, text.Split(['。', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.TrimEnd('；', ';', '，', ',') + "。"));
                    }
                }
            }

            if (form.Children.TryGetValue(new YamlScalarNode("indicators"), out var rows) && rows is YamlSequenceNode sequence)
            {
                foreach (var row in sequence.Children.OfType<YamlMappingNode>())
                {
                    if (CorpusGenerator.Scalar(row, "level3") is { } l3)
                    {
                        Add(pools.level3, CorpusGenerator.Scalar(row, "level2") ?? string.Empty, [l3]);
                    }
                }
            }
        }

        return pools;
    }

    public bool HasSentences(string key) => sentences.ContainsKey(key);

    /// <summary>Two seed project names spliced (the head of one, the tail of another), now and then with a suffix.</summary>
    public string ProjectName(Random random)
    {
        var a = projectNames[random.Next(projectNames.Count)];
        var b = projectNames[random.Next(projectNames.Count)];
        return a[..((a.Length + 1) / 2)] + b[(b.Length / 2)..] + Suffixes[random.Next(Suffixes.Length)];
    }

    /// <summary>One to four sentences drawn from the same field of the seed forms.</summary>
    public string Paragraph(string key, Random random)
    {
        var pool = sentences[key];
        var count = 1 + random.Next(Math.Min(4, pool.Count));
        return string.Concat(Enumerable.Range(0, count).Select(_ => pool[random.Next(pool.Count)])) + "\n";
    }

    public string Level3(string level2, Random random)
    {
        var pool = level3.GetValueOrDefault(level2) ?? level3.Values.SelectMany(v => v).ToList();
        return pool[random.Next(pool.Count)];
    }

    private static void Add(Dictionary<string, List<string>> pools, string key, IEnumerable<string> items)
    {
        if (!pools.TryGetValue(key, out var list))
        {
            pools[key] = list = [];
        }

        list.AddRange(items);
    }
}
