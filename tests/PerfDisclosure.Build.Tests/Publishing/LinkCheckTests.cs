using AngleSharp.Html.Parser;

namespace PerfDisclosure.Build.Tests.Publishing;

/// <summary>
/// A link checker over the site built for a sub-path (https://example.gov.cn/budget/): every href and src
/// of every page leads to a file of the site, and every #fragment to an id on the target page.
/// </summary>
public class LinkCheckTests
{
    private static readonly BuiltSite Site = BuiltSite.Content;

    [Fact]
    public void No_internal_link_is_broken_in_a_sub_path_build()
    {
        var parser = new HtmlParser();
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> IdsOf(string file) => ids.TryGetValue(file, out var known) ? known : ids[file] =
            [.. parser.ParseDocument(File.ReadAllText(file)).QuerySelectorAll("[id]").Select(e => e.Id!)];

        var broken = new List<string>();
        var checkedLinks = 0;
        foreach (var page in Directory.EnumerateFiles(Site.Root, "*.html", SearchOption.AllDirectories))
        {
            var document = parser.ParseDocument(File.ReadAllText(page));
            var from = Path.GetRelativePath(Site.Root, page).Replace('\\', '/');
            foreach (var element in document.QuerySelectorAll("[href], [src]"))
            {
                var link = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                if (Resolve(page, link) is not { } target)
                {
                    continue;
                }

                checkedLinks++;
                var (file, fragment) = target;
                if (!File.Exists(file))
                {
                    broken.Add($"{from}: {link} (no file {Path.GetRelativePath(Site.Root, file)})");
                }
                else if (fragment.Length > 0 && file.EndsWith(".html", StringComparison.Ordinal) && !IdsOf(file).Contains(fragment))
                {
                    broken.Add($"{from}: {link} (no id '{fragment}')");
                }
            }
        }

        Assert.True(broken.Count == 0, string.Join("\n", broken));
        Assert.True(checkedLinks > 500, $"only {checkedLinks} links checked");
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("data/index.html")]
    public void Links_are_relative_so_the_sub_path_needs_no_rewriting(string page)
    {
        var document = new HtmlParser().ParseDocument(Site.Read(page));
        var links = document.QuerySelectorAll("body a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        Assert.DoesNotContain(links, l => l.StartsWith('/'));
    }

    /// <summary>The file and fragment a link points at inside the site, or null for links that leave it.</summary>
    private static (string File, string Fragment)? Resolve(string page, string link)
    {
        // 404.html is served at any address, so its links start from the base URL's path (NotFoundPageStage).
        var basePath = new Uri(BuiltSite.BaseUrl).AbsolutePath;
        var fromBase = link.StartsWith(BuiltSite.BaseUrl, StringComparison.Ordinal) ? BuiltSite.BaseUrl.Length
            : Path.GetFileName(page) == "404.html" && link.StartsWith(basePath, StringComparison.Ordinal) ? basePath.Length
            : -1;
        if (fromBase >= 0)
        {
            link = Path.GetRelativePath(Path.GetDirectoryName(page)!, Site.Root).Replace('\\', '/') + "/" + link[fromBase..];
        }
        else if (link.Contains("://", StringComparison.Ordinal) || link.StartsWith("mailto:", StringComparison.Ordinal) || link.StartsWith("data:", StringComparison.Ordinal))
        {
            return null;
        }

        Assert.False(link.StartsWith('/'), $"{page}: root-relative link {link} breaks under a sub-path");
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        var (path, fragment) = hash < 0 ? (link, string.Empty) : (link[..hash], link[(hash + 1)..]);
        path = path.Split('?')[0];
        var file = path.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(path)));
        if (path.EndsWith('/') || Directory.Exists(file))
        {
            file = Path.Combine(file, "index.html");
        }

        Assert.True(file.StartsWith(Site.Root, StringComparison.Ordinal), $"{page}: {link} leaves the site");
        return (file, fragment);
    }
}
