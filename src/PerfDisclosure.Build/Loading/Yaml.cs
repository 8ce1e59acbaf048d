using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation.Rules.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PerfDisclosure.Build.Loading;

/// <summary>Reads YAML text into nodes that keep their line and column, turning every failure into a diagnostic.</summary>
public static class Yaml
{
    /// <summary>Parses one YAML document; null when the text is empty.</summary>
    /// <exception cref="ContentException">Syntax errors, duplicate keys, passed limits (<see cref="YamlLimits"/>), and more than one document.</exception>
    public static YamlNode? Parse(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            Load(stream, file, text);
        }
        catch (YamlException e)
        {
            var reason = Reason(e);
            var at = new SourceSpan(file, (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column));
            if (reason.Contains("tab", StringComparison.OrdinalIgnoreCase))
            {
                // YamlDotNet reports a tab from the start of the mapping it breaks; point at the tab itself.
                at = IndentingTab(file, text, at) ?? at;
            }

            throw new ContentException(SchemaRules.YamlSyntax.Report(at, $"YAML 语法错误：{reason}", $"YAML syntax error: {reason}", Fix(reason)));
        }

        return stream.Documents.Count switch
        {
            0 => null,
            1 => stream.Documents[0].RootNode,
            _ => throw new ContentException(SchemaRules.YamlSyntax.Report(At(file, stream.Documents[1].RootNode), "一个文件只能有一个 YAML 文档", "A file holds one YAML document only")),
        };
    }

    /// <summary>
    /// Loads through <see cref="YamlLimits"/>. YamlDotNet 18 throws ArgumentException or InvalidOperationException
    /// on some malformed input (found by the generated-input tests, e.g. <c>? : x</c> or a stray <c>[</c>); those
    /// become syntax errors at the event being read.
    /// </summary>
    private static void Load(YamlStream stream, string file, string text)
    {
        var parser = new YamlLimits(file, new YamlCharacters(file, new Parser(new StringReader(text))));
        try
        {
            stream.Load(parser);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            var at = parser.Current?.Start ?? Mark.Empty;
            throw new SyntaxErrorException(at, at, e.Message);
        }
    }

    public static SourceSpan At(string file, YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>The scalar's text, or null for a YAML null (<c>~</c>, <c>null</c> or nothing).</summary>
    public static string? ScalarText(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL" ? null : scalar.Value;

    private static SourceSpan? IndentingTab(string file, string text, SourceSpan from)
    {
        var lines = text.Split('\n');
        for (var i = from.Line - 1; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0)
            {
                return new SourceSpan(file, i + 1, tab + 1);
            }
        }

        return null;
    }

    private static string? Fix(string reason) =>
        reason.Contains("tab", StringComparison.OrdinalIgnoreCase) ? "indent with spaces: YAML does not allow tabs for indentation"
        : reason.StartsWith("Duplicate key", StringComparison.Ordinal) ? "remove one of the two entries: a key may appear once in a mapping"
        : null;

    private static string Reason(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; the place is reported separately.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (cut >= 0 ? message[(cut + 3)..] : message).Trim();
    }
}
