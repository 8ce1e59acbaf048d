using Markdig;
using Markdig.Parsers;
using PerfDisclosure.Core.Validation.Rules.Markdown;

namespace PerfDisclosure.Build.Rendering;

/// <summary>
/// Renders the long texts of forms and free pages, with Markdown pipe tables. Raw HTML is disabled (it is shown as text), every link and image
/// passes <see cref="SafeLinksExtension"/>, texts past <see cref="MarkdownLimits"/> never reach Markdig, and list
/// parsing is off for form texts: the official forms number their paragraphs ("1、", "1.", "1)") as text,
/// and a list would reprint those numbers.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline FormTexts = Build(lists: false);
    private static readonly MarkdownPipeline Pages = Build(lists: true);

    public static string FormText(string markdown) => Bounded(markdown) ?? Markdown.ToHtml(markdown, FormTexts).TrimEnd('\n');

    public static string Page(string markdown) => Bounded(markdown) ?? Markdown.ToHtml(markdown, Pages).TrimEnd('\n');

    /// <summary>Plain text of a form text, for search and open data.</summary>
    public static string PlainText(string markdown) => MarkdownLimits.Check(markdown) is null ? Markdown.ToPlainText(markdown, FormTexts).Trim() : markdown.Trim();

    /// <summary>
    /// A text past <see cref="MarkdownLimits"/> is an error (PD0720) that stops the build before anything renders; should a
    /// caller render one anyway, it is shown escaped, as written, rather than handed to Markdig to throw or take minutes.
    /// </summary>
    private static string? Bounded(string markdown) =>
        MarkdownLimits.Check(markdown) is null ? null : "<p>" + Html.Escape(markdown).ReplaceLineEndings("<br>\n") + "</p>";

    private static MarkdownPipeline Build(bool lists)
    {
        // Pipe tables: a 测算明细 or a list of sub-projects inside a long text, as the official forms print them.
        var builder = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables();
        if (!lists)
        {
            builder.BlockParsers.TryRemove<ListBlockParser>();
        }

        return builder.UseSafeLinks().Build();
    }
}
