using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation.Rules.Schema;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PerfDisclosure.Build.Loading;

/// <summary>
/// Reads YAML text into nodes that keep their line and column (<see cref="YamlNode"/>), turning every failure into a
/// diagnostic. The common shape of a content file is read by <see cref="BlockYaml"/>; the rest is built straight from YamlDotNet's parser events, reading them in the order its
/// representation model does (so a syntax error, a limit and a duplicate key are found at the same event, with
/// the same words), without that model's end marks, styles and a dictionary per mapping.
/// </summary>
public static class Yaml
{
    /// <summary>Parses one YAML document; null when the text is empty.</summary>
    /// <exception cref="ContentException">Syntax errors, duplicate keys, passed limits (<see cref="YamlLimits"/>), and more than one document.</exception>
    public static YamlNode? Parse(string file, string text)
    {
        List<YamlNode> documents;
        try
        {
            documents = Load(file, text);
        }
        catch (YamlException e)
        {
            var reason = Reason(e);
            var at = new SourceSpan(file, (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column));
            var (place, zh, en, fix) = YamlErrorText.Explain(text, at, reason);
            throw new ContentException(SchemaRules.YamlSyntax.Report(place, zh, en, fix));
        }

        return documents.Count switch
        {
            0 => null,
            1 => documents[0],
            _ => throw new ContentException(SchemaRules.YamlSyntax.Report(At(file, documents[1]), "一个文件只能有一个 YAML 文档", "A file holds one YAML document only")),
        };
    }

    /// <summary>The common shape through <see cref="BlockYaml"/>, anything else through YamlDotNet (<see cref="LoadEvents"/>).</summary>
    private static List<YamlNode> Load(string file, string text) => BlockYaml.Read(text) is { } common ? [common] : LoadEvents(file, text);

    /// <summary>
    /// The documents read from YamlDotNet's events through <see cref="YamlLimits"/> (what <see cref="BlockYaml"/> is
    /// tested against). YamlDotNet 18 throws ArgumentException or InvalidOperationException
    /// on some malformed input (found by the generated-input tests, e.g. <c>? : x</c> or a stray <c>[</c>); those
    /// become syntax errors at the event being read.
    /// </summary>
    internal static List<YamlNode> LoadEvents(string file, string text)
    {
        var parser = new YamlLimits(file, new YamlCharacters(file, new Parser(new StringReader(text))));
        try
        {
            var documents = new List<YamlNode>(1);
            parser.Consume<StreamStart>();
            while (!parser.TryConsume<StreamEnd>(out _))
            {
                documents.Add(new YamlTreeBuilder(parser).Document());
            }

            return documents;
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

    private static string Reason(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; the place is reported separately.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (cut >= 0 ? message[(cut + 3)..] : message).Trim();
    }
}
