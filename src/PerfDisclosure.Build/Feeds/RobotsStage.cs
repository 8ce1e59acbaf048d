using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Stages;

namespace PerfDisclosure.Build.Feeds;

/// <summary>site/robots.txt: everything may be crawled; it points crawlers at the sitemap.</summary>
public sealed class RobotsStage : IOutputStage
{
    public string Name => "robots";

    public void Run(BuildContext context) => context.Writer.WriteText(
        "robots.txt",
        $"User-agent: *\nAllow: /\n\nSitemap: {PageContext.Canonical(context.Site.Settings.BaseUrl, "sitemap.xml")}\n");
}
