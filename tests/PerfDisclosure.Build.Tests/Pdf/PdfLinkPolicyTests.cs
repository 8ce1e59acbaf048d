using System.Text;
using System.Text.RegularExpressions;
using PerfDisclosure.Core.Links;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Pdf;

/// <summary>
/// A PDF reader follows a link's /URI action with no content security policy to stop it. Markdown cannot write a
/// refused link any more, but a site's own template can: the printer applies the same policy to the page it prints.
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

        var template = File.ReadAllText(Path.Combine(Repo.Templates, "layouts", "forms", "shenzhen-target.sbn-html"));
        site.Write("templates/layouts/forms/shenzhen-target.sbn-html", template.Replace(
            "<h1>{{ form.project_name }}</h1>",
            "<h1>{{ form.project_name }}</h1>\n<p><a href=\"javascript:alert(1)\">甲</a> <a href=\" JaVaScRiPt:alert(2)\">乙</a> <a href=\"java&#9;script:alert(3)\">丙</a> <a href=\"vbscript:x\">丁</a> <a href=\"data:text/html,x\">戊</a> <a href=\"file:///etc/passwd\">己</a> <a href=\"https://www.gov.cn/\">政策</a> <a href=\"mailto:budget@example.gov.cn\">邮件</a></p>",
            StringComparison.Ordinal));

        var result = new SiteBuilder(site.Options() with { RequirePdf = true }).Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));

        var pdf = Path.Combine(site.Output, Path.ChangeExtension(TestSite.SeedForm["forms/".Length..], null), Path.GetFileNameWithoutExtension(TestSite.SeedForm) + ".pdf");
        var uris = Uris(pdf);
        Assert.Contains("https://www.gov.cn/", uris);
        Assert.Contains("mailto:budget@example.gov.cn", uris);
        Assert.All(uris, u => Assert.True(SafeLinks.IsAllowed(u), $"/URI ({u})"));
        Assert.DoesNotContain(uris, u => u.Contains("script", StringComparison.OrdinalIgnoreCase) || u.StartsWith("data:", StringComparison.Ordinal) || u.StartsWith("file:", StringComparison.Ordinal));
        Assert.Contains("甲 乙 丙 丁 戊 己", Poppler.Text(pdf), StringComparison.Ordinal);
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
