using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.EndToEnd;

/// <summary>content/ built once into a temp folder, shared by the end-to-end tests.</summary>
public sealed class BuiltSeedSite
{
    public BuiltSeedSite()
    {
        Output = Path.Combine(Repo.TempDir("seed-site"), "site");
        Result = new SiteBuilder(new BuildOptions(Repo.Content, Repo.Templates, Output)).Build();
        Content = ContentLoader.Load(Repo.Content, new ThemeFiles(Repo.Templates));
    }

    public string Output { get; }

    public BuildResult Result { get; }

    public LoadedContent Content { get; }

    public IDocument Page(string sitePath)
    {
        var file = Path.Combine(Output, sitePath.TrimEnd('/'), "index.html");
        return new HtmlParser().ParseDocument(File.ReadAllText(file));
    }
}
