using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Pdf;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Testing;

[assembly: AssemblyFixture(typeof(PerfDisclosure.Build.Tests.Pdf.PrintedCorpus))]

namespace PerfDisclosure.Build.Tests.Pdf;

/// <summary>
/// The seed corpus built once, with its PDFs, for every PDF test of a run (printing is the slow part); built on first
/// use, so a run of other tests does not pay for it. Missing when the PDF engine (npm ci --prefix pdf-engine) or poppler-utils are not installed: under
/// CI=true that fails the test, never skips it.
/// </summary>
public sealed class PrintedCorpus
{
    private readonly Lazy<Printed> printed = new(Print);

    public string? Missing => TypstEngine.Find().Folder is null || !Poppler.Installed
        ? $"PDF tests need the PDF engine and poppler-utils ({TypstEngine.InstallHint}; apt-get install poppler-utils)"
        : null;

    /// <summary>Folder holding the site and, beside it, the cache folder that the PDF tests build with copies of (<see cref="CacheCopy"/>).</summary>
    public string Root => printed.Value.Root;

    public string Output => Path.Combine(Root, "site");

    /// <summary>The corpus build's <c>--cache</c> folder; tests build with a copy (<see cref="CacheCopy"/>).</summary>
    private string Cache => Path.Combine(Root, ".cache");

    public BuildResult Result => printed.Value.Result;

    public SiteModel Site => printed.Value.Site;

    /// <summary>Skips the test locally when the tools are missing; fails it under CI=true.</summary>
    public void Require()
    {
        if (Missing is { } missing)
        {
            if (Repo.InCi)
            {
                Assert.Fail(missing + " (.ci/run installs them)");
            }

            Assert.Skip(missing);
        }
    }

    /// <summary>
    /// A copy of the corpus build's cache folder, named <paramref name="name"/> beside it, for a test that builds with
    /// the PDFs already printed: a build prunes the entries it did not use, so a test building with the shared folder
    /// would take them from the tests running beside it.
    /// </summary>
    public string CacheCopy(string name) => Repo.CopyTree(Path.Combine(Root, name), Cache);

    public string PathOf(string sitePath) => Path.Combine(Output, sitePath);

    private static Printed Print()
    {
        var root = Repo.TempDir("pdf-corpus");
        var result = new SiteBuilder(new BuildOptions(Repo.Content, Repo.Templates, Path.Combine(root, "site"), RequirePdf: true, CacheDir: Path.Combine(root, ".cache"))).Build();
        return new Printed(root, result, SiteModel.Build(ContentLoader.Load(Repo.Content, new ThemeFiles(Repo.Templates))));
    }

    private sealed record Printed(string Root, BuildResult Result, SiteModel Site);
}
