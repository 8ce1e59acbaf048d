using Markdig;
using Markdig.Parsers;

namespace PerfDisclosure.Build.Rendering;

/// <summary>
/// Renders the long texts of forms and free pages. Raw HTML is disabled (it is shown as text), and list
/// parsing is off for form texts: the official forms number their paragraphs ("1、", "1.", "1)") as text,
/// and a list would reprint those numbers.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline FormTexts = Build(lists: false);
    private static readonly MarkdownPipeline Pages = Build(lists: true);

    public static string FormText(string markdown) => Markdown.ToHtml(markdown, FormTexts).TrimEnd('\n');

    public static string Page(string markdown) => Markdown.ToHtml(markdown, Pages).TrimEnd('\n');

    /// <summary>Plain text of a form text, for search and open data.</summary>
    public static string PlainText(string markdown) => Markdown.ToPlainText(markdown, FormTexts).Trim();

    private static MarkdownPipeline Build(bool lists)
    {
        var builder = new MarkdownPipelineBuilder().DisableHtml();
        if (!lists)
        {
            builder.BlockParsers.TryRemove<ListBlockParser>();
        }

        builder.DocumentProcessed += SafeLinks.Apply;
        return builder.Build();
    }
}
