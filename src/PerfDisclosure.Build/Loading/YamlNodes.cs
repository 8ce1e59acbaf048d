using System.Collections;
using System.Diagnostics.CodeAnalysis;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PerfDisclosure.Build.Loading;

/// <summary>
/// A node of one YAML file as <see cref="Yaml"/> builds it from the parser's events: its place in the file and,
/// for a key, the equality that finds a duplicate. A small tree of our own instead of YamlDotNet's representation
/// model, which keeps an end mark, an anchor, a style and a dictionary for every node that no reader uses.
/// Anchors behave as in that model: an alias is the very node of its anchor, not a copy.
/// </summary>
public abstract class YamlNode
{
    private protected YamlNode(NodeEvent from)
    {
        Start = from.Start;
        Tag = from.Tag;
    }

    private protected YamlNode(Mark start) => Start = start;

    /// <summary>Where the node starts (line and column from 1).</summary>
    public Mark Start { get; }

    internal TagName Tag { get; }

    internal string ToString(int depth) => depth > MaxToStringDepth ? "…" : Text(depth + 1);

    private protected abstract string Text(int depth);

    private const int MaxToStringDepth = 64;

    public override string ToString() => ToString(0);
}

/// <summary>A scalar: its text as written, with its style (a plain empty, <c>~</c> or <c>null</c> is YAML's null).</summary>
public sealed class YamlScalarNode : YamlNode
{
    internal YamlScalarNode(Scalar from)
        : base(from)
    {
        Value = from.Value;
        Style = from.Style;
    }

    internal YamlScalarNode(Mark start, string value, ScalarStyle style)
        : base(start)
    {
        Value = value;
        Style = style;
    }

    /// <summary>A scalar to look a key up with (<c>mapping.Children[new YamlScalarNode("name")]</c>).</summary>
    public YamlScalarNode(string value)
        : base(Mark.Empty) => Value = value;

    public string Value { get; }

    public ScalarStyle Style { get; }

    public override bool Equals(object? obj) => obj is YamlScalarNode other && Tag.Equals(other.Tag) && Value == other.Value;

    public override int GetHashCode() => HashCode.Combine(Tag, Value);

    private protected override string Text(int depth) => Value;
}

/// <summary>A list; equal to another of the same tag and equal items (a key that is a list).</summary>
public sealed class YamlSequenceNode : YamlNode, IEnumerable<YamlNode>
{
    internal YamlSequenceNode(SequenceStart from)
        : base(from)
    {
    }

    internal YamlSequenceNode(Mark start)
        : base(start)
    {
    }

    public List<YamlNode> Children { get; } = [];

    public IEnumerator<YamlNode> GetEnumerator() => Children.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override bool Equals(object? obj) => obj is YamlSequenceNode other && Tag.Equals(other.Tag) && Children.SequenceEqual(other.Children);

    public override int GetHashCode() => HashCode.Combine(Tag, Children.Count);

    private protected override string Text(int depth) => "[ " + string.Join(", ", Children.Select(c => c.ToString(depth))) + " ]";
}

/// <summary>A mapping, its entries in the order written; equal to another of the same tag and equal entries.</summary>
public sealed class YamlMappingNode : YamlNode, IEnumerable<KeyValuePair<YamlNode, YamlNode>>
{
    internal YamlMappingNode(MappingStart from)
        : base(from)
    {
    }

    internal YamlMappingNode(Mark start)
        : base(start)
    {
    }

    public YamlEntries Children { get; } = new();

    public IEnumerator<KeyValuePair<YamlNode, YamlNode>> GetEnumerator() => Children.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override bool Equals(object? obj) =>
        obj is YamlMappingNode other && Tag.Equals(other.Tag) && Children.Count == other.Children.Count
        && Children.All(entry => other.Children.TryGetValue(entry.Key, out var value) && Equals(entry.Value, value));

    public override int GetHashCode() => HashCode.Combine(Tag, Children.Count);

    private protected override string Text(int depth) =>
        "{ " + string.Join(", ", Children.Select(c => $"{{ {c.Key.ToString(depth)}, {c.Value.ToString(depth)} }}")) + " }";
}

/// <summary>An alias whose anchor comes later in the document; replaced by that node when the document ends.</summary>
internal sealed class YamlPendingAlias(AnchorAlias from) : YamlNode(from.Start)
{
    public AnchorName Anchor { get; } = from.Value;

    public Mark End { get; } = from.End;

    public override bool Equals(object? obj) => obj is YamlPendingAlias other && Anchor.Equals(other.Anchor);

    public override int GetHashCode() => Anchor.GetHashCode();

    private protected override string Text(int depth) => "*" + Anchor.Value;
}

/// <summary>
/// The entries of a mapping in the order written. Forms' mappings are small, so a key is found by comparing it
/// with each key until there are <see cref="IndexFrom"/>; only larger mappings get a hash index.
/// </summary>
public sealed class YamlEntries : IReadOnlyDictionary<YamlNode, YamlNode>
{
    private const int IndexFrom = 12;

    private readonly List<KeyValuePair<YamlNode, YamlNode>> entries = [];
    private Dictionary<YamlNode, int>? index;

    public int Count => entries.Count;

    public IEnumerable<YamlNode> Keys => entries.Select(e => e.Key);

    public IEnumerable<YamlNode> Values => entries.Select(e => e.Value);

    public YamlNode this[YamlNode key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The key '{key}' is not in the mapping.");

    public bool ContainsKey(YamlNode key) => Find(key) >= 0;

    public bool TryGetValue(YamlNode key, [MaybeNullWhen(false)] out YamlNode value)
    {
        var at = Find(key);
        value = at >= 0 ? entries[at].Value : null;
        return at >= 0;
    }

    public List<KeyValuePair<YamlNode, YamlNode>>.Enumerator GetEnumerator() => entries.GetEnumerator();

    IEnumerator<KeyValuePair<YamlNode, YamlNode>> IEnumerable<KeyValuePair<YamlNode, YamlNode>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Adds an entry; false when the mapping already has an equal key.</summary>
    internal bool TryAdd(YamlNode key, YamlNode value)
    {
        if (Find(key) >= 0)
        {
            return false;
        }

        entries.Add(new(key, value));
        if (index is not null)
        {
            index[key] = entries.Count - 1;
        }
        else if (entries.Count >= IndexFrom)
        {
            index = new(entries.Count * 2);
            for (var i = 0; i < entries.Count; i++)
            {
                index[entries[i].Key] = i;
            }
        }

        return true;
    }

    internal KeyValuePair<YamlNode, YamlNode> EntryAt(int at) => entries[at];

    /// <summary>Replaces the key and value at <paramref name="at"/> in place (an alias resolved late).</summary>
    internal void Replace(int at, YamlNode key, YamlNode value)
    {
        var old = entries[at].Key;
        if (!old.Equals(key) && Find(key) >= 0)
        {
            throw new ArgumentException($"An item with the same key has already been added. Key: {key}");
        }

        index?.Remove(old);
        entries[at] = new(key, value);
        index?.Add(key, at);
    }

    private int Find(YamlNode key)
    {
        if (index is not null)
        {
            return index.GetValueOrDefault(key, -1);
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Key.Equals(key))
            {
                return i;
            }
        }

        return -1;
    }
}
