using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation.Rules.Schema;
using PerfDisclosure.Core.Values;

namespace PerfDisclosure.Build.Loading;

/// <summary>Reads a Markdown page with a YAML front matter (<c>---</c> … <c>---</c>) holding its title.</summary>
public static class PageReader
{
    public static Page? Read(string file, string slug, string text, DiagnosticBag diagnostics)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var title = slug;
        var body = text;
        var bodyLine = 1;
        if (text.StartsWith("---\n", StringComparison.Ordinal))
        {
            var end = text.IndexOf("\n---", 4, StringComparison.Ordinal);
            if (end < 0)
            {
                diagnostics.Report(SchemaRules.YamlSyntax, new SourceSpan(file, 1, 1), "页面的 front matter 没有以 --- 结束", "The page's front matter is not closed by ---");
                return null;
            }

            var reader = new NodeReader(file, diagnostics);
            // The front matter starts on line 2: a leading line break keeps its lines numbered as in the file.
            var front = reader.Mapping(Yaml.Parse(file, "\n" + text[4..end]), "front matter");
            if (front is not null)
            {
                title = reader.Text(LayoutReader.Child(front, "title"), "title") ?? slug;
            }

            var after = text.IndexOf('\n', end + 4);
            body = after < 0 ? string.Empty : text[(after + 1)..];
            bodyLine = text[..Math.Max(0, after)].Count(c => c == '\n') + 2;
        }

        if (PublishableText.FirstUnpublishable(body) is var index and >= 0)
        {
            // The same test as every YAML value (YamlCharacters), placed at the character itself.
            var (line, column) = PublishableText.Place(body, index);
            var name = PublishableText.Name(body[index]);
            diagnostics.Report(SchemaRules.ControlCharacter, new SourceSpan(file, bodyLine + line - 1, column), $"页面中的字符 {name} 不能发布（控制字符或无效字符）", $"The page holds {name}, which cannot be published (a control or invalid character)", new("删去这个字符", "delete it"));
            return null;
        }

        return new Page(slug, title, body, new SourceSpan(file, bodyLine, 1));
    }
}
