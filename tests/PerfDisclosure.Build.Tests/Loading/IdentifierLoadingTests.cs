using PerfDisclosure.Build.Tests.Validation;

namespace PerfDisclosure.Build.Tests.Loading;

public class IdentifierLoadingTests
{
    [Theory]
    [InlineData("forms/sz-futian-investment-promotion/2024/Bad Slug.yaml", "form slug")]
    [InlineData("forms/sz-futian-investment-promotion/2024/con.yaml", "form slug")]
    [InlineData("forms/sz-futian-investment-promotion/2024/ch\u0430mbers.yaml", "form slug")]
    [InlineData("organisations/prn.yaml", "organisation id")]
    [InlineData("organisations/sz-fut\u0456an.yaml", "organisation id")]
    [InlineData("pages/..about.md", "page slug")]
    public void A_file_whose_name_cannot_be_a_path_is_an_error_naming_the_file_and_is_not_loaded(string relativePath, string kind)
    {
        var site = new TestSite("ids");
        var text = relativePath.StartsWith("forms/", StringComparison.Ordinal) ? site.Read(TestSite.SeedForm)
            : relativePath.StartsWith("pages/", StringComparison.Ordinal) ? "---\ntitle: x\n---\nbody\n"
            : "name: 机构\n";
        site.Write(relativePath, text);

        var content = site.Load();

        var error = Assert.Single(content.Diagnostics, d => d.Code == "PD0701");
        BothLanguages.Said(error);
        Assert.EndsWith(relativePath, error.Where.File, StringComparison.Ordinal);
        Assert.Contains(kind, error.MessageEn, StringComparison.Ordinal);
        var name = Path.GetFileNameWithoutExtension(relativePath);
        Assert.DoesNotContain(content.Forms, f => f.Slug == name);
        Assert.DoesNotContain(content.Pages, p => p.Slug == name);
        Assert.False(content.Organisations.ContainsKey(name));
    }

    [Fact]
    public void A_build_with_a_bad_name_fails_and_writes_nothing()
    {
        var site = new TestSite("ids-build");
        site.Write("forms/sz-futian-investment-promotion/2024/CON.yaml", site.Read(TestSite.SeedForm).Replace("商协会建设", "另一个项目", StringComparison.Ordinal));

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "PD0701");
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void Two_forms_with_the_same_owner_year_and_slug_are_an_error_never_an_overwrite()
    {
        var site = new TestSite("ids-dup");
        site.Write("forms/sz-futian-investment-promotion/2024/copy/chambers-of-commerce-building.yaml", site.Read(TestSite.SeedForm));

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "PD0502");
    }

    [Theory]
    [InlineData("javascript:alert(1)", true)]
    [InlineData("//evil.example/", true)]
    [InlineData("budget.example.gov.cn", true)]
    [InlineData("https://budget.example.gov.cn/\\nDisallow: /", true)]
    [InlineData("https://budget.example.gov.cn/ x", true)]
    [InlineData(" https://budget.example.gov.cn/", true)]
    [InlineData("https://", true)]
    [InlineData("https:budget.example.gov.cn", true)]
    [InlineData("https://budget.example.gov.cn/", false)]
    [InlineData("HTTP://budget.example.gov.cn/budget/", false)]
    [InlineData("/budget/", false)]
    public void An_unsafe_base_url_is_an_error_at_its_line(string baseUrl, bool refused)
    {
        var site = new TestSite("base-url");
        site.Write("site.yaml", site.Read("site.yaml").Replace("base_url: https://budget.example.gov.cn/", "base_url: \"" + baseUrl + "\"", StringComparison.Ordinal));

        var errors = site.Load().Diagnostics.Where(d => d.Code == "PD0707").ToList();

        Assert.Equal(refused, errors.Count == 1);
        Assert.All(errors, e => Assert.Equal(4, e.Where.Line));
        Assert.All(errors, e => BothLanguages.Said(e));
    }
}
