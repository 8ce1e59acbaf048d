using System.Text;
using System.Text.RegularExpressions;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Pdf;

/// <summary>
/// A PDF reader follows a link's /URI action with no content security policy to stop it. Markdown cannot write a
/// refused link any more, but a site's own template can, in the very cells of the form table the PDF prints: the PDF
/// prints the cells' words and no link annotation at all.
/// </summary>
public partial class PdfLinkPolicyTests(PrintedCorpus corpus)
{
    private const string Links = "<a href=\"javascript:alert(1)\">甲</a> <a href=\" JaVaScRiPt:alert(2)\">乙</a> <a href=\"java&#9;script:alert(3)\">丙</a> <a href=\"vbscript:x\">丁</a> <a href=\"data:text/html,x\">戊</a> <a href=\"file:///etc/passwd\">己</a> <a href=\"https://www.gov.cn/\">政策</a> <a href=\"mailto:budget@example.gov.cn\">邮件</a>";

    [Fact]
    public void A_pdf_carries_no_link_the_policy_refuses_whatever_the_template_wrote()
    {
        corpus.Require();

        var site = new TestSite("pdf-links");
        foreach (var form in Directory.EnumerateFiles(Path.Combine(site.Content, "forms"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(TestSite.SeedForm.Replace('/', Path.DirectorySeparatorChar), StringComparison.Ordinal)))
        {
            File.Delete(form);
        }

        // Links of every kind a template could write, in a header cell and a data cell of the official form table.
        var template = File.ReadAllText(Path.Combine(Repo.Templates, "layouts", "forms", "shenzhen-target.sbn-html"));
        const string FirstRow = "<tr><th scope=\"row\">{{ form.layout.labels.project_code }}:</th>";
        Assert.Contains(FirstRow, template, StringComparison.Ordinal);
        site.Write("templates/layouts/forms/shenzhen-target.sbn-html", template.Replace(
            FirstRow,
            "<tr><th scope=\"row\">表头链接 " + Links + "</th><td colspan=\"4\">表内链接 " + Links + "</td></tr>\n" + FirstRow,
            StringComparison.Ordinal));

        var result = new SiteBuilder(site.Options() with { RequirePdf = true }).Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));

        var pdf = Path.Combine(site.Output, Path.ChangeExtension(TestSite.SeedForm["forms/".Length..], null), Path.GetFileNameWithoutExtension(TestSite.SeedForm) + ".pdf");
        var text = Regex.Replace(Poppler.Text(pdf), @"\s+", string.Empty);
        Assert.Contains("表头链接甲乙丙丁戊己政策邮件", text, StringComparison.Ordinal);
        Assert.Contains("表内链接甲乙丙丁戊己政策邮件", text, StringComparison.Ordinal);
        // Typst prints the form table's words only: no link at all, not even an allowed one.
        Assert.Empty(Uris(pdf));
    }

    /// <summary>The /URI of every link annotation, read from the uncompressed file qpdf writes.</summary>
    private static List<string> Uris(string pdf)
    {
        var plain = pdf + ".qdf";
        Poppler.Run("qpdf", ["--qdf", "--object-streams=disable", pdf, plain]);
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(plain));
        File.Delete(plain);
        return [.. Uri().Matches(text).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex(@"/URI\s*\(((?:\\.|[^\\)])*)\)")]
    private static partial Regex Uri();
}
