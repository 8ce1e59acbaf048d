using System.Text.RegularExpressions;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Core.Validation.Rules.Templates;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Theme;

/// <summary>
/// The words a reader sees that the build writes itself (templates/strings.yaml): the built-in file holds every key,
/// and a site's own file overrides them key by key. A site key the built-in file lacks, or a <c>{name}</c> its key
/// is not given, is PD0903 at its line, and the built-in text stays.
/// </summary>
public sealed partial class ThemeStrings
{
    public const string FileName = "strings.yaml";

    private static readonly Lazy<ThemeStrings> BuiltinStrings = new(() => Read(ThemeFiles.BuiltinFile(FileName), new DiagnosticBag()));

    private readonly SortedDictionary<string, string> texts;
    private readonly Lazy<ScriptObject> script;

    private ThemeStrings(SortedDictionary<string, string> texts)
    {
        this.texts = texts;
        script = new(ToScriptObject);
    }

    /// <summary>The built-in words alone: what a site without its own strings file reads.</summary>
    public static ThemeStrings Builtin => BuiltinStrings.Value;

    /// <summary>Every key, dotted (<c>title.search</c>), in ordinal order.</summary>
    public IEnumerable<string> Keys => texts.Keys;

    /// <summary>The text of a key. The keys are the built-in file's, so a missing one is the tool's own mistake.</summary>
    public string this[string key] =>
        texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"templates/{FileName} has no key '{key}'");

    /// <summary>The site's words: the built-in file, with each key the site's own file gives in its place.</summary>
    public static ThemeStrings Load(ThemeFiles theme, DiagnosticBag diagnostics)
    {
        var site = theme.Find(FileName);
        if (site is null || site.DisplayPath.StartsWith("builtin:", StringComparison.Ordinal))
        {
            return Builtin;
        }

        var builtin = Builtin.texts;
        var merged = new SortedDictionary<string, string>(builtin, StringComparer.Ordinal);
        var reader = new NodeReader(site.DisplayPath, diagnostics);
        foreach (var (key, node, text) in Texts(reader, Yaml.Parse(site.DisplayPath, site.ReadText())))
        {
            if (!builtin.TryGetValue(key, out var original))
            {
                var closest = Suggestions.Closest(key, builtin.Keys);
                diagnostics.Report(
                    TemplateRules.BadStrings,
                    reader.At(node),
                    closest is null ? $"主题文字中没有键 {key}" : $"主题文字中没有键 {key}，是否应为 {closest}？",
                    closest is null ? $"The theme's strings have no key '{key}'" : $"The theme's strings have no key '{key}'; did you mean '{closest}'?");
                continue;
            }

            var allowed = Names(original).ToHashSet(StringComparer.Ordinal);
            if (Names(text).FirstOrDefault(n => !allowed.Contains(n)) is { } unknown)
            {
                var namesZh = allowed.Count == 0 ? "无" : string.Join("、", allowed.Order(StringComparer.Ordinal).Select(n => "{" + n + "}"));
                diagnostics.Report(
                    TemplateRules.BadStrings,
                    reader.At(node),
                    $"{key} 中的 {{{unknown}}} 不会被填写（可用：{namesZh}）",
                    $"'{{{unknown}}}' in {key} is never filled in (it may use: {(allowed.Count == 0 ? "none" : namesZh)})");
                continue;
            }

            merged[key] = text;
        }

        return new ThemeStrings(merged);
    }

    /// <summary>A key's text with each <c>{name}</c> replaced by its value.</summary>
    public string Format(string key, params (string Name, object? Value)[] values)
    {
        var text = this[key];
        if (values.Length == 0 || !text.Contains('{', StringComparison.Ordinal))
        {
            return text;
        }

        return Placeholder().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            foreach (var (n, v) in values)
            {
                if (n == name)
                {
                    return Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                }
            }

            return m.Value;
        });
    }

    /// <summary>The kind of form as a reader names it.</summary>
    public string Kind(bool selfEvaluation) => this[selfEvaluation ? "kind.self_evaluation" : "kind.target"];

    /// <summary>The header a layout's indicator table prints over a name column (<c>level1</c> …): the layout's <c>level_labels:</c>, else the theme's <c>indicator_levels</c>.</summary>
    public string LevelLabel(Core.Layouts.LayoutDefinition layout, string level) =>
        layout.LevelLabels.GetValueOrDefault(level) ?? this["indicator_levels." + level];

    /// <summary>What templates see as <c>strings</c>: the same keys, nested, HTML-escaped; read-only, so one is shared by every page.</summary>
    public ScriptObject Script => script.Value;

    private ScriptObject ToScriptObject()
    {
        var root = new ScriptObject();
        foreach (var (key, text) in texts)
        {
            var parts = key.Split('.');
            var node = root;
            foreach (var part in parts[..^1])
            {
                if (node[part] is not ScriptObject child)
                {
                    child = new ScriptObject();
                    node[part] = child;
                }

                node = child;
            }

            node[parts[^1]] = Html.Escape(text);
        }

        Freeze(root);
        return root;
    }

    private static void Freeze(ScriptObject node)
    {
        foreach (var child in node.Values.OfType<ScriptObject>())
        {
            Freeze(child);
        }

        node.IsReadOnly = true;
    }

    private static ThemeStrings Read(ThemeFile file, DiagnosticBag diagnostics)
    {
        var texts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, _, text) in Texts(new NodeReader(file.DisplayPath, diagnostics), Yaml.Parse(file.DisplayPath, file.ReadText())))
        {
            texts[key] = text;
        }

        return diagnostics.ToList() is [var first, ..]
            ? throw new InvalidOperationException($"the built-in {FileName} is invalid: {first.MessageEn}")
            : new ThemeStrings(texts);
    }

    /// <summary>Every text of a strings file with its dotted key; anything but nested mappings of text is reported.</summary>
    private static IEnumerable<(string Key, YamlNode Node, string Text)> Texts(NodeReader reader, YamlNode? root)
    {
        var pending = new Stack<(string Prefix, YamlMappingNode Mapping)>();
        if (reader.Mapping(root, "strings") is { } top)
        {
            pending.Push((string.Empty, top));
        }

        var found = new List<(string, YamlNode, string)>();
        while (pending.TryPop(out var current))
        {
            foreach (var (key, keyNode, value) in reader.Entries(current.Mapping))
            {
                var dotted = current.Prefix + key;
                if (value is YamlMappingNode mapping)
                {
                    pending.Push((dotted + ".", mapping));
                }
                else if (reader.Text(value, dotted) is { } text)
                {
                    found.Add((dotted, keyNode, text));
                }
            }
        }

        return found;
    }

    private static IEnumerable<string> Names(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
