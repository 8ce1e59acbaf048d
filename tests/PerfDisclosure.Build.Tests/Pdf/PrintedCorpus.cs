using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Pdf;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Pdf;

/// <summary>
/// The seed corpus built once, with its PDFs, for every PDF test of a run (printing is the slow part).
/// Null when Chromium or poppler-utils are missing; under CI=true that is a failure, never a skip.
/// </summary>
public sealed class PrintedCorpus
{
    public PrintedCorpus()
    {
        var chromium = ChromiumLocator.Find(null).Path;
        if (chromium is null || !Poppler.Installed)
        {
            Missing = $"PDF tests need Chromium and poppler-utils ({ChromiumLocator.InstallHint}; apt-get install poppler-utils)";
            return;
        }

        Root = Repo.TempDir("pdf-corpus");
        Output = Path.Combine(Root, "site");
        var log = new StringWriter();
        Result = new SiteBuilder(new BuildOptions(Repo.Content, Repo.Templates, Output, RequirePdf: true), log).Build();
        Log = log.ToString();
        Site = SiteModel.Build(ContentLoader.Load(Repo.Content, new ThemeFiles(Repo.Templates)));
    }

    public string? Missing { get; }

    /// <summary>Folder holding the site and, beside it, the PDF cache (.cache/pdf).</summary>
    public string Root { get; } = string.Empty;

    public string Output { get; } = string.Empty;

    public string Log { get; } = string.Empty;

    public BuildResult? Result { get; }

    public SiteModel? Site { get; }

    /// <summary>Skips the test locally when the tools are missing; fails it under CI=true.</summary>
    public void Require()
    {
        if (Missing is null)
        {
            return;
        }

        if (Repo.InCi)
        {
            Assert.Fail(Missing + " — .ci/run installs them");
        }

        Assert.Skip(Missing);
    }

    public string PathOf(string sitePath) => Path.Combine(Output, sitePath);
}
