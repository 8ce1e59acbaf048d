using System.Text;
using System.Text.RegularExpressions;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Pdf;

/// <summary>
/// A PDF reader follows a link's /URI action with no content security policy to stop it. Markdown cannot write a
/// refused link any more, but a site's own template can: the PDF prints the form table's text and no link at all.
/// </summary>
public partial class PdfLinkPolicyTests(PrintedCorpus corpus)
{
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

        // Links outside the form table (web only) and inside it, of every kind a template could write.
        const string links = "<a href=\"javascript:alert(1)\">甲</a> <a href=\" JaVaScRiPt:alert(2)\">乙</a> <a href=\"java&#9;script:alert(3)\">丙</a> <a href=\"vbscript:x\">丁</a> <a href=\"data:text/html,x\">戊</a> <a href=\"file:///etc/passwd\">己</a> <a href=\"https://www.gov.cn/\">政策</a> <a href=\"mailto:budget@example.gov.cn\">邮件</a>";
        var template = File.ReadAllText(Path.Combine(Repo.Templates, "layouts", "forms", "shenzhen-target.sbn-html"));
        Assert.Contains("</table>", template, StringComparison.Ordinal);
        site.Write("templates/layouts/forms/shenzhen-target.sbn-html", template
            .Replace("<h1>{{ form.project_name }}</h1>", "<h1>{{ form.project_name }}</h1>\n<p>网页链接 " + links + "</p>", StringComparison.Ordinal)
            .Replace("</table>", "<tbody><tr><td>表内链接 " + links + "</td></tr></tbody></table>", StringComparison.Ordinal));

        var result = new SiteBuilder(site.Options() with { RequirePdf = true }).Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));

        // The PDF prints the form table as text: a link's words, never a link a reader could follow.
        var pdf = Path.Combine(site.Output, Path.ChangeExtension(TestSite.SeedForm["forms/".Length..], null), Path.GetFileNameWithoutExtension(TestSite.SeedForm) + ".pdf");
        Assert.Empty(Uris(pdf));
        var text = Poppler.Text(pdf);
        Assert.Contains("表内链接 甲 乙 丙 丁 戊 己 政策 邮件", text, StringComparison.Ordinal);
        Assert.DoesNotContain("网页链接", text, StringComparison.Ordinal);
    }

    /// <summary>The /URI of every link annotation, read from the uncompressed file qpdf writes.</summary>
    private static List<string> Uris(string pdf)
    {
        var plain = pdf + ".qdf";
        Poppler.Run("qpdf", ["--qdf", "--object-streams=disable", pdf, plain]);
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(plain));
        return [.. Uri().Matches(text).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex(@"/URI\s*\(((?:\\.|[^\\)])*)\)")]
    private static partial Regex Uri();
}
