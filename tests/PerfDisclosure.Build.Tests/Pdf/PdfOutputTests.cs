using System.Text;
using System.Text.RegularExpressions;
using PerfDisclosure.Build.Pdf;
using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Build.Tests.Pdf;

/// <summary>The PDFs of the seed corpus, read back with the tools a reader or an archive would use.</summary>
public partial class PdfOutputTests(PrintedCorpus corpus)
{
    private SiteModel Site
    {
        get
        {
            corpus.Require();
            Assert.True(corpus.Result.Succeeded, string.Join('\n', corpus.Result.Diagnostics));
            return corpus.Site;
        }
    }

    private IEnumerable<string> AllPdfs => Site.Forms.Select(PdfPaths.Form).Concat(Compilations.Select(c => c.Path)).Select(corpus.PathOf);

    private IEnumerable<(string Path, string Organisation, int Year, IReadOnlyList<FormEntry> Forms)> Compilations =>
        Site.Organisations.SelectMany(o => Site.ByOrganisation[o.Id].GroupBy(f => f.Form.Year).Select(g => (PdfPaths.Compilation(o.Id, g.Key), o.Name, g.Key, (IReadOnlyList<FormEntry>)[.. g])));

    [Fact]
    public void Every_form_pdf_holds_every_indicator_name_and_value_of_its_yaml_in_its_tags()
    {
        var missing = new List<string>();
        foreach (var entry in Site.Forms)
        {
            var text = Squeeze(Poppler.StructureText(corpus.PathOf(PdfPaths.Form(entry))));
            missing.AddRange(Expected(entry).Where(e => !text.Contains(Squeeze(e), StringComparison.Ordinal)).Select(e => $"{entry.Form.File}: '{e}'"));
        }

        Assert.Equal(47, Site.Forms.Count);
        Assert.True(missing.Count == 0, "missing from the PDF text:\n" + string.Join('\n', missing));
    }

    /// <summary>
    /// What only the web page has (its downloads, the line about the form above it, the 提示 box and its links, the
    /// site's heading and navigation) is in no PDF: read from each built page, looked for in its form's PDF.
    /// </summary>
    [Fact]
    public void Nothing_web_only_is_printed()
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var checkedTexts = 0;
        foreach (var entry in Site.Forms)
        {
            var page = parser.ParseDocument(File.ReadAllText(corpus.PathOf(entry.Path + "/index.html")));
            var webOnly = page.QuerySelectorAll("header, nav, .breadcrumbs, .form-meta, .downloads a, .form-notes h2, .form-notes a")
                .Select(e => Squeeze(e.TextContent)).Where(t => t.Length > 1).Distinct().ToList();
            Assert.NotEmpty(webOnly);
            var text = Squeeze(Poppler.Text(corpus.PathOf(PdfPaths.Form(entry))));
            Assert.All(webOnly, w => Assert.DoesNotContain(w, text, StringComparison.Ordinal));
            checkedTexts += webOnly.Count;
        }

        Assert.True(checkedTexts >= 2 * Site.Forms.Count, $"{checkedTexts} web-only texts");
    }

    [Fact]
    public void Each_compilation_holds_every_form_of_its_organisation_and_year()
    {
        foreach (var (path, _, _, forms) in Compilations)
        {
            var text = Squeeze(Poppler.StructureText(corpus.PathOf(path)));
            foreach (var entry in forms)
            {
                Assert.All(Expected(entry), e => Assert.Contains(Squeeze(e), text, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Every_page_is_A4_in_the_orientation_of_its_official_layout()
    {
        foreach (var entry in Site.Forms)
        {
            var sizes = PageSizes(Poppler.Info(corpus.PathOf(PdfPaths.Form(entry))));
            Assert.NotEmpty(sizes);
            Assert.All(sizes, s => Assert.Equal(entry.Layout.Landscape ? "841.89 x 595.276 pts (A4)" : "595.276 x 841.89 pts (A4)", s));
        }

        foreach (var (path, _, _, _) in Compilations)
        {
            Assert.All(PageSizes(Poppler.Info(corpus.PathOf(path))), s => Assert.EndsWith("(A4)", s, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Fonts_are_embedded_subset_cid_truetype_and_none_is_type3()
    {
        foreach (var pdf in AllPdfs)
        {
            var rows = Poppler.Fonts(pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, row =>
            {
                Assert.DoesNotContain("Type 3", row, StringComparison.Ordinal);
                Assert.Contains("CID TrueType", row, StringComparison.Ordinal);
                Assert.Matches(@"Identity-H\s+yes\s+yes\s+yes", row);
            });
        }
    }

    [Fact]
    public void Pdfs_are_tagged_in_chinese_with_title_and_organisation_as_author()
    {
        foreach (var entry in Site.Forms)
        {
            var path = corpus.PathOf(PdfPaths.Form(entry));
            var info = Poppler.Info(path);
            Assert.Contains("Tagged:          yes", info, StringComparison.Ordinal);
            Assert.Contains($"Author:          {entry.Owner.Name}\n", info, StringComparison.Ordinal);
            Assert.Contains($"Title:           {entry.Form.ProjectName} {entry.Layout.Title}", info, StringComparison.Ordinal);
            Assert.Contains("/Lang (zh-CN)", Encoding.Latin1.GetString(File.ReadAllBytes(path)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_page_says_which_page_it_is_of_how_many()
    {
        foreach (var pdf in AllPdfs)
        {
            var pages = int.Parse(Regex.Match(Poppler.Info(pdf), @"Pages:\s+(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            for (var page = 1; page <= pages; page++)
            {
                Assert.Contains($"第{page}页共{pages}页", Squeeze(Poppler.Text(pdf, page)), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_compilation_has_a_cover_with_contents_with_page_numbers_and_a_bookmark_per_form()
    {
        foreach (var (path, organisation, _, forms) in Compilations)
        {
            var pdf = corpus.PathOf(path);
            var cover = Squeeze(Poppler.Text(pdf, 1));
            Assert.Contains(Squeeze(organisation), cover, StringComparison.Ordinal);
            Assert.Contains("目录", cover, StringComparison.Ordinal);
            var bookmarks = Bookmarks(pdf);
            Assert.Equal(forms.Count, bookmarks.Count);
            Assert.All(forms, f =>
            {
                // The bookmark goes to the page the form starts on, and the contents give that page's number.
                var (title, page) = Assert.Single(bookmarks, b => b.Title.StartsWith(f.Form.ProjectName + "（", StringComparison.Ordinal));
                Assert.Contains(Squeeze(title), cover, StringComparison.Ordinal);
                Assert.Matches($"{Regex.Escape(Squeeze(title))}[.\u2060]*{page}(?!\\d)", cover.Replace("\u2060", string.Empty, StringComparison.Ordinal));
                Assert.Contains(Squeeze(f.Form.ProjectName), Squeeze(Poppler.Text(pdf, page)), StringComparison.Ordinal);
            });
            Assert.Contains("Tagged:          yes", Poppler.Info(pdf), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_header_row_of_every_form_is_tagged_th_in_a_thead()
    {
        foreach (var entry in Site.Forms)
        {
            var html = File.ReadAllText(corpus.PathOf(entry.Path + "index.html"));
            var headerRows = TypstJobs.Read(html, string.Empty, entry).Tables.Sum(t => t.Sections.Sum(s => s.HeaderRows));
            Assert.True(headerRows >= 1, $"{entry.Form.File}: no header row found in its form table");
            var structure = Poppler.Run("pdfinfo", ["-struct", corpus.PathOf(PdfPaths.Form(entry))]);
            var heads = THead().Matches(structure).Select(m => m.Value).ToList();
            Assert.Equal(headerRows, heads.Sum(h => Regex.Count(h, @"^\s*TR\b", RegexOptions.Multiline)));
            Assert.All(heads, h => Assert.DoesNotMatch(@"^\s*TD\b", h));
        }
    }

    [Fact]
    public void Pages_link_their_pdfs()
    {
        var entry = Site.Forms[0];
        Assert.Contains($"href=\"{entry.Form.Slug}.pdf\"", File.ReadAllText(corpus.PathOf(entry.Path + "index.html")), StringComparison.Ordinal);
        var compilation = Compilations.First();
        Assert.Contains($"href=\"{Path.GetFileName(compilation.Path)}\"", File.ReadAllText(Path.Combine(Path.GetDirectoryName(corpus.PathOf(compilation.Path))!, "index.html")), StringComparison.Ordinal);
    }

    /// <summary>What the form's YAML says about its indicators: every name and every cell, as the form prints them.</summary>
    internal static IEnumerable<string> Expected(FormEntry entry)
    {
        yield return entry.Form.ProjectName;
        foreach (var row in entry.Form.Indicators)
        {
            foreach (var name in new[] { row.Level1, row.Level2, row.Level3 })
            {
                if (name is not null)
                {
                    yield return name.Value;
                }
            }

            foreach (var column in entry.Layout.IndicatorColumns)
            {
                if (Printed(row[column.Key], column) is { Length: > 0 } text)
                {
                    yield return text;
                }
            }
        }
    }

    private static string Printed(FieldValue? value, FieldDefinition column) => value switch
    {
        null => string.Empty,
        NumberValue n => Html.FormatNumber(n.Number, column.Format),
        MarkdownValue m => MarkdownRenderer.PlainText(m.Source),
        _ => value.Text,
    };

    /// <summary>Text without white space: a cell's text wraps where the PDF's column ends.</summary>
    internal static string Squeeze(string text) => WhiteSpace().Replace(text, string.Empty);

    private static List<string> PageSizes(string info) => [.. PageSize().Matches(info).Select(m => m.Groups[1].Value.Trim())];

    /// <summary>The outline's items, with the page each goes to, as qpdf reads them.</summary>
    internal static List<(string Title, int Page)> Bookmarks(string pdf)
    {
        using var json = System.Text.Json.JsonDocument.Parse(Poppler.Run("qpdf", ["--json", "--json-key=outlines", pdf]));
        return [.. json.RootElement.GetProperty("outlines").EnumerateArray().Select(o => (o.GetProperty("title").GetString()!, o.GetProperty("destpageposfrom1").GetInt32()))];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"Page\s+\d+ size:\s+(.*)")]
    private static partial Regex PageSize();

    /// <summary>A THead element of <c>pdfinfo -struct</c> and everything indented under it.</summary>
    [GeneratedRegex(@"^(?<indent>\s*)THead\b.*\n(?:\k<indent>\s+.*\n)*", RegexOptions.Multiline)]
    private static partial Regex THead();
}
