using PerfDisclosure.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PerfDisclosure.Build.Loading;

/// <summary>
/// Bounds a YAML file before it becomes nodes. YamlDotNet's representation model shares one node for an anchor
/// and its aliases, so an alias bomb (<c>&amp;a [*b, *b, …]</c> nested) is small in memory but explodes for any
/// code that walks the tree; and building the tree recurses once per nesting level, so a deep file could overflow
/// the stack, which no catch can handle. This scan reads the event stream (no recursion) and refuses a file whose
/// nesting, node count or alias-expanded node count passes a limit, at the place where it does.
/// </summary>
public static class YamlLimits
{
    /// <summary>Forms nest four levels deep; 64 leaves room for any honest file.</summary>
    public const int MaxDepth = 64;

    /// <summary>Nodes as written and nodes with every alias expanded; a large form has about 1,000.</summary>
    public const int MaxNodes = 100_000;

    /// <exception cref="ContentException">A limit is passed.</exception>
    /// <exception cref="YamlException">The text is not valid YAML.</exception>
    public static void Check(string file, string text)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        long nodes = 0;
        var anchorSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var openAnchors = new Stack<(string? Anchor, long StartNodes)>();
        var last = Mark.Empty;
        while (MoveNext(parser, last))
        {
            var current = parser.Current!;
            last = current.Start;
            switch (current)
            {
                case NodeEvent { } node when node is MappingStart or SequenceStart:
                    nodes++;
                    if (++depth > MaxDepth)
                    {
                        throw Refuse(file, current, $"嵌套超过 {MaxDepth} 层", $"The YAML nests more than {MaxDepth} levels deep");
                    }

                    openAnchors.Push((node.Anchor.IsEmpty ? null : node.Anchor.Value, nodes - 1));
                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    var (anchor, start) = openAnchors.Pop();
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
                var expanded = current is AnchorAlias ? "（含别名展开）" : string.Empty;
                var expandedEn = current is AnchorAlias ? " counting what its aliases (*) repeat" : string.Empty;
                throw Refuse(file, current, $"节点数超过 {MaxNodes}{expanded}", $"The YAML has more than {MaxNodes} nodes{expandedEn}");
            }
        }
    }

    /// <summary>
    /// YamlDotNet 18 throws InvalidOperationException on some malformed input (found by the generated-input tests,
    /// e.g. a stray <c>[</c> in a block mapping); report it as a syntax error after the last event read.
    /// </summary>
    private static bool MoveNext(Parser parser, Mark last)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (InvalidOperationException e)
        {
            throw new SyntaxErrorException(last, last, e.Message);
        }
    }

    private static ContentException Refuse(string file, ParsingEvent at, string message, string messageEn) =>
        new(new Diagnostic("PD0703", Severity.Error, new SourceSpan(file, (int)Math.Max(1, at.Start.Line), (int)Math.Max(1, at.Start.Column)), message, messageEn, "split the file, or write the values out instead of repeating anchors"));
}
