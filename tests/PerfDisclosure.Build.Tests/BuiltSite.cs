using PerfDisclosure.Build.Site;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests;

/// <summary>
/// content/ built once per test run, for real, as a site published under a sub-path
/// (<see cref="BaseUrl"/>), so every end-to-end test also proves the sub-path works.
/// </summary>
public sealed class BuiltSite
{
    public const string BaseUrl = "https://example.gov.cn/budget/";

    private static readonly Lazy<BuiltSite> Shared = new(() => new BuiltSite(Repo.Content));

    private BuiltSite(string content)
    {
        Root = Path.Combine(Repo.TempDir("site"), "site");
        var options = new BuildOptions(content, Repo.Templates, Root, BaseUrl);
        var builder = new SiteBuilder(options);
        Result = builder.Build();
        if (!Result.Succeeded)
        {
            throw new InvalidOperationException("content/ did not build: " + string.Join("; ", Result.Diagnostics.Where(d => d.IsError)));
        }

        var (loaded, diagnostics) = builder.Check();
        Model = SiteModel.Build(loaded, diagnostics);
    }

    public static BuiltSite Content => Shared.Value;

    public string Root { get; }

    public SiteModel Model { get; }

    public BuildResult Result { get; }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>The page at a site path (<c>owner/year/slug/</c>), parsed.</summary>
    public AngleSharp.Dom.IDocument Page(string sitePath) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Read(Path.Combine(sitePath.TrimEnd('/'), "index.html")));
}
