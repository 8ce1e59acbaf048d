using System.Globalization;
using System.Text.RegularExpressions;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Pdf;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Pdf;

/// <summary>
/// The PDFs of docs/examples' sites, whose layouts are other provinces' shapes (a two-row indicator header, rows after
/// the indicator table, fund-source rows), built for real and read back with poppler-utils and qpdf, page by page.
/// </summary>
public partial class ExamplePdfTests(PrintedCorpus corpus)
{
    [Theory]
    [InlineData("province-a-target")]
    [InlineData("province-b-self-evaluation")]
    [InlineData("province-c-department-self-evaluation")]
    public void Every_example_layout_prints_faithfully(string example)
    {
        corpus.Require();
        var root = Path.Combine(Repo.Root, "docs", "examples", example);
        var (content, templates) = (Path.Combine(root, "content"), Path.Combine(root, "templates"));
        var output = Path.Combine(Repo.TempDir(example + "-pdf"), "site");
        var result = new SiteBuilder(new BuildOptions(content, templates, output, RequirePdf: true)).Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var site = SiteModel.Build(ContentLoader.Load(content, new ThemeFiles(templates)));

        foreach (var entry in site.Forms)
        {
            var pdf = Path.Combine(output, PdfPaths.Form(entry));
            var text = PdfOutputTests.Squeeze(Poppler.StructureText(pdf));
            Assert.All(PdfOutputTests.Expected(entry), e => Assert.Contains(PdfOutputTests.Squeeze(e), text, StringComparison.Ordinal));

            // These forms fit on one page: page 1 is not left half empty with the indicators pushed onto page 2.
            Assert.Equal(1, Pages(pdf));
            Assert.Contains(entry.Layout.Landscape ? "841.89 x 595.276 pts (A4)" : "595.276 x 841.89 pts (A4)", Poppler.Info(pdf), StringComparison.Ordinal);

            // Every header row of the rendered table is a TR of a THead, its cells TH.
            var headerRows = TypstJobs.Read(File.ReadAllText(Path.Combine(output, entry.Path, "index.html")), string.Empty, entry).Tables.Sum(t => t.Sections.Sum(s => s.HeaderRows));
            var heads = THead().Matches(Poppler.Run("pdfinfo", ["-struct", pdf])).Select(m => m.Value).ToList();
            Assert.True(headerRows >= 1, $"{entry.Form.File}: no header row");
            Assert.Equal(headerRows, heads.Sum(h => Regex.Count(h, @"^\s*TR\b", RegexOptions.Multiline)));
            Assert.All(heads, h => Assert.DoesNotMatch(@"^\s*TD\b", h));
        }

        foreach (var organisation in site.Organisations)
        {
            foreach (var year in site.ByOrganisation[organisation.Id].Select(f => f.Form.Year).Distinct())
            {
                var forms = site.FormsOf(organisation.Id, year).ToList();
                var pdf = Path.Combine(output, PdfPaths.Compilation(organisation.Id, year));
                var bookmarks = PdfOutputTests.Bookmarks(pdf);
                Assert.Equal(forms.Count, bookmarks.Count);
                var cover = PdfOutputTests.Squeeze(Poppler.Text(pdf, 1)).Replace("\u2060", string.Empty, StringComparison.Ordinal);
                Assert.All(forms, f =>
                {
                    var (title, page) = Assert.Single(bookmarks, b => b.Title.StartsWith(f.Form.ProjectName, StringComparison.Ordinal));
                    Assert.Matches($"{Regex.Escape(PdfOutputTests.Squeeze(title))}[.]*{page}(?!\\d)", cover);
                    Assert.Contains(PdfOutputTests.Squeeze(f.Form.ProjectName), PdfOutputTests.Squeeze(Poppler.Text(pdf, page)), StringComparison.Ordinal);
                });
            }
        }

        // Every page of every PDF: 第 X 页 共 Y 页, and no page shows an indicator header without an indicator row under it.
        var level3 = site.Forms.SelectMany(f => f.Form.Indicators).Select(r => r.Level3?.Value).OfType<string>().Select(PdfOutputTests.Squeeze).Where(n => n.Length > 0).ToList();
        var header = site.Forms.Select(f => f.Layout).Distinct().SelectMany(l => l.IndicatorColumns.Select(c => c.Label)).Select(PdfOutputTests.Squeeze).Where(l => l.Length > 1).ToList();
        Assert.NotEmpty(header);
        foreach (var pdf in Directory.EnumerateFiles(output, "*.pdf", SearchOption.AllDirectories))
        {
            var pages = Pages(pdf);
            for (var page = 1; page <= pages; page++)
            {
                var text = PdfOutputTests.Squeeze(Poppler.Text(pdf, page));
                Assert.Contains($"第{page}页共{pages}页", text, StringComparison.Ordinal);
                if (header.Any(h => text.Contains(h, StringComparison.Ordinal)))
                {
                    Assert.True(level3.Any(n => text.Contains(n, StringComparison.Ordinal)), $"{pdf} page {page}: an indicator header without an indicator row");
                }
            }
        }
    }

    private static int Pages(string pdf) => int.Parse(Poppler.Run("qpdf", ["--show-npages", pdf]).Trim(), CultureInfo.InvariantCulture);

    /// <summary>A THead element of <c>pdfinfo -struct</c> and everything indented under it.</summary>
    [GeneratedRegex(@"^(?<indent>\s*)THead\b.*\n(?:\k<indent>\s+.*\n)*", RegexOptions.Multiline)]
    private static partial Regex THead();
}
