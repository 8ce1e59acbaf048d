using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;
using PerfDisclosure.Core.Links;

namespace PerfDisclosure.Build.Rendering;

/// <summary>
/// Applies <see cref="SafeLinks"/> where Markdown becomes HTML: every link, image, autolink and reference link is
/// written by these renderers, whichever syntax made it (DisableHtml does not stop <c>[x](javascript:…)</c>). A refused
/// link is written as its words, an image as its alt text, an autolink as the address in plain text: the reader
/// keeps the text, and no <c>href</c> or <c>src</c> is written. Hooking the renderer rather than rewriting the
/// syntax tree means no link can reach the page without passing the check.
/// </summary>
public sealed class SafeLinksExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html)
        {
            throw new InvalidOperationException($"the link policy knows only the HTML renderer, not {renderer.GetType().Name}");
        }

        html.ObjectRenderers.Replace<LinkInlineRenderer>(new SafeLinkRenderer());
        html.ObjectRenderers.Replace<AutolinkInlineRenderer>(new SafeAutolinkRenderer());
    }

    private sealed class SafeLinkRenderer : LinkInlineRenderer
    {
        protected override void Write(HtmlRenderer renderer, LinkInline link)
        {
            if (SafeLinks.IsAllowed(link.GetDynamicUrl?.Invoke() ?? link.Url))
            {
                base.Write(renderer, link);
            }
            else
            {
                renderer.WriteChildren(link);
            }
        }
    }

    private sealed class SafeAutolinkRenderer : AutolinkInlineRenderer
    {
        protected override void Write(HtmlRenderer renderer, AutolinkInline link)
        {
            if (link.IsEmail || SafeLinks.IsAllowed(link.Url))
            {
                base.Write(renderer, link);
            }
            else
            {
                renderer.WriteEscape(link.Url);
            }
        }
    }
}

/// <summary>Registers the link policy in a Markdig pipeline, the way Markdig's own extensions are added.</summary>
public static class SafeLinksPipelineExtensions
{
    public static MarkdownPipelineBuilder UseSafeLinks(this MarkdownPipelineBuilder builder)
    {
        builder.Extensions.AddIfNotAlready<SafeLinksExtension>();
        return builder;
    }
}
