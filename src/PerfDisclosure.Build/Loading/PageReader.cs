using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation.Rules.Schema;

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
            var front = reader.Mapping(Yaml.Parse(file, text[4..end]), "front matter");
            if (front is not null)
            {
                title = reader.Text(LayoutReader.Child(front, "title"), "title") ?? slug;
            }

            var after = text.IndexOf('\n', end + 4);
            body = after < 0 ? string.Empty : text[(after + 1)..];
            bodyLine = text[..Math.Max(0, after)].Count(c => c == '\n') + 2;
        }

        return new Page(slug, title, body, new SourceSpan(file, bodyLine, 1));
    }
}
