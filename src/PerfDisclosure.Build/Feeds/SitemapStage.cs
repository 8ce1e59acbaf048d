using System.Xml;
using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Stages;

namespace PerfDisclosure.Build.Feeds;

/// <summary>site/sitemap.xml: the canonical URL of every page written so far (run it after the page stages).</summary>
public sealed class SitemapStage : IOutputStage
{
    public string Name => "sitemap";

    public void Run(BuildContext context)
    {
        var pages = context.Writer.Written
            .Where(p => p == "index.html" || p.EndsWith("/index.html", StringComparison.Ordinal))
            .Select(p => p[..^"index.html".Length])
            .Order(StringComparer.Ordinal)
            .ToList();
        var lastModified = context.Site.Forms.ToDictionary(f => f.Path, f => f.Updated, StringComparer.Ordinal);
        using var stream = context.Writer.Create("sitemap.xml");
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
        foreach (var path in pages)
        {
            xml.WriteStartElement("url");
            xml.WriteElementString("loc", PageContext.Canonical(context.Site.Settings.BaseUrl, path));
            if (lastModified.TryGetValue(path, out var date))
            {
                xml.WriteElementString("lastmod", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }
}
