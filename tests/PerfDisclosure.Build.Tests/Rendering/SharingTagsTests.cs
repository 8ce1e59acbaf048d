using PerfDisclosure.Build.Tests.Browser;

namespace PerfDisclosure.Build.Tests.Rendering;

/// <summary>A link to any page, shared in a chat or a post, shows its title, description and address (Open Graph, Twitter card).</summary>
public class SharingTagsTests
{
    private static BuiltSite Site => BuiltSite.Content;

    public static TheoryData<string> PageTypeNames => PageTypes.Names();

    [Theory]
    [MemberData(nameof(PageTypeNames))]
    public void Page_type_carries_open_graph_and_twitter_card_tags_of_its_own(string pageType)
    {
        var type = PageTypes.Of(Site.Model).Single(p => p.Name == pageType);
        var html = Site.Read(type.Path.EndsWith(".html", StringComparison.Ordinal) ? type.Path : Path.Combine(type.Path, "index.html"));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        string Meta(string selector) => page.QuerySelector($"meta[{selector}]")?.GetAttribute("content") ?? throw new Xunit.Sdk.XunitException($"{pageType}: no meta {selector}");

        var title = page.QuerySelector("meta[name=ArticleTitle]")!.GetAttribute("content");
        Assert.Equal(title, Meta("property='og:title'"));
        Assert.Equal(title, Meta("name='twitter:title'"));
        Assert.Equal(page.QuerySelector("meta[name=description]")!.GetAttribute("content"), Meta("property='og:description'"));
        Assert.Equal(Meta("property='og:description'"), Meta("name='twitter:description'"));
        Assert.Equal(page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), Meta("property='og:url'"));
        Assert.StartsWith(BuiltSite.BaseUrl, Meta("property='og:url'"), StringComparison.Ordinal);
        Assert.Equal(Site.Model.Settings.Title, Meta("property='og:site_name'"));
        Assert.Equal("zh_CN", Meta("property='og:locale'"));
        Assert.Equal("summary", Meta("name='twitter:card'"));
        Assert.Equal(pageType.StartsWith("form", StringComparison.Ordinal) ? "article" : "website", Meta("property='og:type'"));
        Assert.NotEmpty(title!);
    }
}
