using PerfDisclosure.Core.Links;

namespace PerfDisclosure.Core.Tests.Links;

public class SafeLinksTests
{
    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData("JAVASCRIPT:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("\u0001javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("java\rscript:alert(1)")]
    [InlineData("java\u0000script:alert(1)")]
    [InlineData("java\u200Bscript:alert(1)")]
    [InlineData("\uFEFFjavascript:alert(1)")]
    [InlineData("javascript\u3000:alert(1)")]
    [InlineData("&#106;avascript:alert(1)")]
    [InlineData("&#x6A;avascript:alert(1)")]
    [InlineData("&#0000106;avascript:alert(1)")]
    [InlineData("javascript&colon;alert(1)")]
    [InlineData("javascript&#58;alert(1)")]
    [InlineData("java&Tab;script:alert(1)")]
    [InlineData("javascript&COLON;alert(1)")]
    [InlineData("&#106avascript:alert(1)")]
    [InlineData("&#x6Aavascript&#58alert(1)")]
    [InlineData("javascript&#0000058;alert(1)")]
    [InlineData("java&NewLine;script:alert(1)")]
    [InlineData("%6Aavascript:alert(1)")]
    [InlineData("java%0ascript:alert(1)")]
    [InlineData("java%09script:alert(1)")]
    [InlineData("javascript%3Aalert(1)")]
    [InlineData("&#37;6Aavascript:alert(1)")]
    [InlineData("%2526%252337%253B6Aavascript:alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("VBScript:msgbox(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    [InlineData("data:image/svg+xml,<svg onload=alert(1)>")]
    [InlineData("file:///etc/passwd")]
    [InlineData("FILE:///C:/Windows/win.ini")]
    [InlineData("ftp://example.gov.cn/")]
    [InlineData("blob:https://example.gov.cn/1")]
    [InlineData("about:blank")]
    [InlineData("tel:+861012345678")]
    [InlineData("x:y")]
    [InlineData("a.html:x")]
    public void A_url_with_a_scheme_outside_the_list_is_refused(string url) =>
        Assert.False(SafeLinks.IsAllowed(url), url);

    [Theory]
    [InlineData("https://www.gov.cn/zhengce/")]
    [InlineData("HTTPS://WWW.GOV.CN/")]
    [InlineData("http://example.gov.cn/a?b=c#d")]
    [InlineData(" https://example.gov.cn/")]
    [InlineData("mailto:budget@example.gov.cn")]
    [InlineData("MailTo:budget@example.gov.cn")]
    [InlineData("../about/index.html")]
    [InlineData("./a:b.html")]
    [InlineData("/sh-x/2024/")]
    [InlineData("//example.gov.cn/")]
    [InlineData("#funds")]
    [InlineData("#a:b")]
    [InlineData("?page=2")]
    [InlineData("form.json")]
    [InlineData("%E6%94%BF%E7%AD%96.html")]
    [InlineData("https://example.gov.cn/javascript:alert(1)")]
    [InlineData("")]
    [InlineData(null)]
    public void Http_https_mailto_and_relative_urls_are_allowed(string? url) =>
        Assert.True(SafeLinks.IsAllowed(url), url);

    [Fact]
    public void A_url_encoded_more_times_than_the_policy_decodes_is_refused()
    {
        var url = "https://example.gov.cn/";
        for (var i = 0; i < 8; i++)
        {
            url = Uri.EscapeDataString(url);
        }

        Assert.False(SafeLinks.IsAllowed(url));
    }
}
