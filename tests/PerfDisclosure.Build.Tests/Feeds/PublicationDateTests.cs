using System.Globalization;
using System.Xml.Linq;

namespace PerfDisclosure.Build.Tests.Feeds;

/// <summary>
/// A form's publication date is one the content gives (its <c>published</c> or <c>updated</c> field) or the day its
/// file was written, never 1 January of its budget year; the page's PubDate, the Atom feed, the sitemap, forms.csv
/// and the catalog's issued date all say the same day.
/// </summary>
public class PublicationDateTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public void Every_output_dates_a_form_by_its_published_field_or_its_file_never_by_1_january()
    {
        var site = new TestSite("publication-dates");
        var seed = Path.Combine(site.Content, TestSite.SeedForm);
        File.SetLastWriteTimeUtc(seed, new DateTime(2025, 3, 14, 9, 0, 0, DateTimeKind.Utc));
        var other = Directory.EnumerateFiles(Path.Combine(site.Content, "forms"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => f != seed && !File.ReadAllText(f).Contains("\nupdated:", StringComparison.Ordinal)).Order(StringComparer.Ordinal).First();
        File.WriteAllText(other, File.ReadAllText(other).TrimEnd() + "\npublished: 2025-06-02\n");

        var result = new SiteBuilder(site.Options() with { NoPdf = true }).Build();
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics.Where(d => d.IsError)));
        var model = site.Load();
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Id(model, site.Content, seed)] = "2025-03-14",
            [Id(model, site.Content, other)] = "2025-06-02",
        };
        var forms = model.Forms.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var feed = XDocument.Load(Path.Combine(site.Output, "feed.xml")).Root!.Elements(Atom + "entry").ToList();
        var sitemap = XDocument.Load(Path.Combine(site.Output, "sitemap.xml")).Root!.Elements(Sitemap + "url").ToList();
        var csv = File.ReadAllLines(Path.Combine(site.Output, "data", "forms.csv"));
        Assert.Equal(forms.Count, feed.Count);

        foreach (var (id, form) in forms)
        {
            var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Output, id, "index.html")));
            var pubDate = html.QuerySelector("meta[name=PubDate]")!.GetAttribute("content");
            var entry = feed.Single(e => e.Elements(Atom + "link").Any(l => ((string?)l.Attribute("href"))?.EndsWith("/" + id + "/", StringComparison.Ordinal) == true));
            var published = entry.Element(Atom + "published")!.Value[..10];
            var lastmod = sitemap.Single(u => u.Element(Sitemap + "loc")!.Value.EndsWith("/" + id + "/", StringComparison.Ordinal)).Element(Sitemap + "lastmod")!.Value;
            var row = csv.Single(l => l.StartsWith(id + ",", StringComparison.Ordinal));

            Assert.Equal(pubDate, published);
            Assert.Contains("," + pubDate + ",", row, StringComparison.Ordinal);
            Assert.NotEqual($"{form.Year}-01-01", pubDate);
            Assert.True(string.CompareOrdinal(lastmod, pubDate) >= 0, $"{id}: sitemap lastmod {lastmod} before PubDate {pubDate}");
            var fromContent = form.Published ?? form.Updated;
            Assert.Equal((fromContent ?? form.FileDate)!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), pubDate);
            if (expected.TryGetValue(id, out var day))
            {
                Assert.Equal(day, pubDate);
            }
        }

        var catalog = File.ReadAllText(Path.Combine(site.Output, "data", "catalog.jsonld"));
        var first = forms.Values.Min(f => f.Published ?? f.Updated ?? f.FileDate)!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains(first, catalog, StringComparison.Ordinal);
    }

    private static string Id(PerfDisclosure.Build.Loading.LoadedContent model, string content, string path) =>
        model.Forms.Single(f => f.File.Replace('\\', '/').EndsWith(Path.GetRelativePath(content, path).Replace('\\', '/'), StringComparison.Ordinal)).Id;
}
