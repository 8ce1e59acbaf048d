using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PerfDisclosure.Build.Loading;

/// <summary>
/// Builds one document's <see cref="YamlNode"/> tree from parser events. It asks for events exactly as
/// YamlDotNet's representation model does (one event of look-ahead, the same exceptions), so every limit,
/// syntax error and duplicate key is met at the same place as before: an anchor is known from its node's first
/// event on, an alias to an anchor not yet seen waits for the end of the document, and a key equal to an
/// earlier key of its mapping is refused at the key.
/// </summary>
internal sealed class YamlTreeBuilder(IParser parser)
{
    private readonly Dictionary<AnchorName, YamlNode> anchors = [];
    private readonly List<YamlNode> waiting = [];

    /// <exception cref="YamlException">A syntax error, a duplicate key or an alias to no anchor.</exception>
    public YamlNode Document()
    {
        parser.Consume<DocumentStart>();
        YamlNode? root = null;
        while (!parser.TryConsume<DocumentEnd>(out _))
        {
            root = Node();
            if (root is YamlPendingAlias)
            {
                throw new YamlException("A document cannot contain only an alias");
            }
        }

        foreach (var node in waiting)
        {
            Resolve(node);
        }

        // Only a faulty parser ends a document without its node (YamlDotNet's model throws the same).
        return root ?? throw new ArgumentException("Atempted to parse an empty document");
    }

    private YamlNode Node()
    {
        if (parser.Accept<Scalar>(out _))
        {
            var scalar = parser.Consume<Scalar>();
            return Anchored(scalar, new YamlScalarNode(scalar));
        }

        if (parser.Accept<SequenceStart>(out _))
        {
            return Sequence();
        }

        if (parser.Accept<MappingStart>(out _))
        {
            return Mapping();
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value, out var node) ? node : new YamlPendingAlias(alias);
        }

        throw new ArgumentException("The current event is of an unsupported type.", nameof(parser));
    }

    private YamlSequenceNode Sequence()
    {
        var start = parser.Consume<SequenceStart>();
        var sequence = Anchored(start, new YamlSequenceNode(start));
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            sequence.Children.Add(Node());
        }

        return Waiting(sequence, sequence.Children.Exists(child => child is YamlPendingAlias));
    }

    private YamlMappingNode Mapping()
    {
        var start = parser.Consume<MappingStart>();
        var mapping = Anchored(start, new YamlMappingNode(start));
        var waits = false;
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = Node();
            var value = Node();
            if (!mapping.Children.TryAdd(key, value))
            {
                throw new YamlException(key.Start, key is YamlPendingAlias alias ? alias.End : key.Start, $"Duplicate key {key}");
            }

            waits |= key is YamlPendingAlias || value is YamlPendingAlias;
        }

        return Waiting(mapping, waits);
    }

    /// <summary>A collection holding an alias to a later anchor is resolved when its document ends.</summary>
    private T Waiting<T>(T node, bool waits)
        where T : YamlNode
    {
        if (waits)
        {
            waiting.Add(node);
        }

        return node;
    }

    private T Anchored<T>(NodeEvent from, T node)
        where T : YamlNode
    {
        if (!from.Anchor.IsEmpty)
        {
            anchors[from.Anchor] = node;
        }

        return node;
    }

    private void Resolve(YamlNode node)
    {
        if (node is YamlSequenceNode sequence)
        {
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                sequence.Children[i] = Target(sequence.Children[i]);
            }

            return;
        }

        var entries = ((YamlMappingNode)node).Children;
        var resolved = new List<(int At, YamlNode Key, YamlNode Value)>();
        for (var i = 0; i < entries.Count; i++)
        {
            var (key, value) = entries.EntryAt(i);
            if (key is YamlPendingAlias || value is YamlPendingAlias)
            {
                resolved.Add((i, Target(key), Target(value)));
            }
        }

        foreach (var (at, key, value) in resolved)
        {
            entries.Replace(at, key, value);
        }
    }

    private YamlNode Target(YamlNode node) =>
        node is not YamlPendingAlias alias ? node
        : anchors.TryGetValue(alias.Anchor, out var target) ? target
        : throw new AnchorNotFoundException(alias.Start, alias.End, $"The anchor '{alias.Anchor}' does not exists");
}
