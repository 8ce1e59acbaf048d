using System.Xml.Linq;

namespace PerfDisclosure.Build.Tests.Feeds;

/// <summary>Crawlers and feed readers find every page at its canonical address under the sub-path.</summary>
public class FeedsTests
{
    private static readonly BuiltSite Site = BuiltSite.Content;
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public void Sitemap_lists_every_page_once_at_its_canonical_url()
    {
        var urls = XDocument.Parse(Site.Read("sitemap.xml")).Root!.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        var pages = Directory.EnumerateFiles(Site.Root, "index.html", SearchOption.AllDirectories)
            .Select(f => BuiltSite.BaseUrl + Path.GetRelativePath(Site.Root, Path.GetDirectoryName(f)!).Replace('\\', '/') + "/")
            .Select(u => u.Replace("/./", "/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        Assert.Equal(pages, urls.Order(StringComparer.Ordinal));
        Assert.Equal(urls.Count, urls.Distinct().Count());
        Assert.Contains(BuiltSite.BaseUrl, urls);
        Assert.DoesNotContain(urls, u => u.EndsWith("404.html", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_page_declares_the_canonical_url_the_sitemap_uses()
    {
        var form = Site.Model.Forms[0];
        Assert.Contains($"<link rel=\"canonical\" href=\"{BuiltSite.BaseUrl}{form.Path}\">", Site.Read(form.Path + "index.html"), StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"canonical\" href=\"{BuiltSite.BaseUrl}\">", Site.Read("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Robots_txt_points_at_the_sitemap()
    {
        Assert.Contains($"Sitemap: {BuiltSite.BaseUrl}sitemap.xml", Site.Read("robots.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void Atom_feed_lists_forms_newest_first_with_absolute_links()
    {
        var feed = XDocument.Parse(Site.Read("feed.xml")).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal(BuiltSite.BaseUrl + "feed.xml", feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(47, entries.Count);
        var dates = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.All(entries, e =>
        {
            var href = e.Elements(Atom + "link").First(l => (string?)l.Attribute("type") == "text/html").Attribute("href")!.Value;
            Assert.StartsWith(BuiltSite.BaseUrl, href, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(Site.Root, href[BuiltSite.BaseUrl.Length..], "index.html")), href);
        });
        Assert.Equal(feed.Element(Atom + "updated")!.Value, entries[0].Element(Atom + "updated")!.Value);
    }

    [Fact]
    public void Every_page_head_carries_the_government_site_metadata_and_the_feed()
    {
        var html = Site.Read(Site.Model.Forms[0].Path + "index.html");
        foreach (var name in new[] { "SiteName", "SiteDomain", "SiteIDCode", "ColumnName", "ArticleTitle", "PubDate", "ContentSource", "Keywords", "Description" })
        {
            Assert.Contains($"<meta name=\"{name}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\"", html, StringComparison.Ordinal);
    }
}
