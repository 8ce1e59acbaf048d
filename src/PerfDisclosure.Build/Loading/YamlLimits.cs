using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation.Rules.Input;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PerfDisclosure.Build.Loading;

/// <summary>
/// Bounds a YAML file while it becomes nodes. YamlDotNet's representation model shares one node for an anchor
/// and its aliases, so an alias bomb (<c>&amp;a [*b, *b, …]</c> nested) is small in memory but explodes for any
/// code that walks the tree; and building the tree recurses once per nesting level, so a deep file could overflow
/// the stack, which no catch can handle. This parser sits between the scanner and the tree: it counts each event
/// as the tree asks for it and refuses the file, at the place, as soon as its nesting, node count or
/// alias-expanded node count passes a limit, before the tree goes one level deeper. One pass, no second parse.
/// </summary>
public sealed class YamlLimits(string file, IParser inner) : IParser
{
    /// <summary>Forms nest four levels deep; 64 leaves room for any honest file.</summary>
    public const int MaxDepth = 64;

    /// <summary>Nodes as written and nodes with every alias expanded; a large form has about 1,000.</summary>
    public const int MaxNodes = 100_000;

    private readonly Dictionary<string, long> anchorSizes = new(StringComparer.Ordinal);
    private readonly Stack<(string? Anchor, long StartNodes)> open = new();
    private long nodes;

    public ParsingEvent? Current => inner.Current;

    /// <exception cref="ContentException">A limit is passed.</exception>
    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        var current = inner.Current!;
        switch (current)
        {
            case NodeEvent { } node when node is MappingStart or SequenceStart:
                nodes++;
                if (open.Count >= MaxDepth)
                {
                    throw Refuse(current, $"嵌套超过 {MaxDepth} 层", $"The YAML nests more than {MaxDepth} levels deep");
                }

                open.Push((node.Anchor.IsEmpty ? null : node.Anchor.Value, nodes - 1));
                break;
            case MappingEnd or SequenceEnd when open.Count > 0:
                var (anchor, start) = open.Pop();
                if (anchor is not null)
                {
                    anchorSizes[anchor] = nodes - start;
                }

                break;
            case Scalar scalar:
                nodes++;
                if (!scalar.Anchor.IsEmpty)
                {
                    anchorSizes[scalar.Anchor.Value] = 1;
                }

                break;
            case AnchorAlias alias:
                nodes += anchorSizes.GetValueOrDefault(alias.Value.Value, 1);
                break;
        }

        if (nodes > MaxNodes)
        {
            var expandedZh = current is AnchorAlias ? "（含别名展开）" : string.Empty;
            var expandedEn = current is AnchorAlias ? " counting what its aliases (*) repeat" : string.Empty;
            throw Refuse(current, $"节点数超过 {MaxNodes}{expandedZh}", $"The YAML has more than {MaxNodes} nodes{expandedEn}");
        }

        return true;
    }

    private ContentException Refuse(ParsingEvent at, string message, string messageEn) =>
        new(InputRules.YamlTooLarge.Report(new SourceSpan(file, (int)Math.Max(1, at.Start.Line), (int)Math.Max(1, at.Start.Column)), message, messageEn, new("把文件拆开，或把值直接写出来，不要反复引用锚点", "split the file, or write the values out instead of repeating anchors")));
}
