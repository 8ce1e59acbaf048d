using System.Text;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Tests.Validation;
using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Tests.Loading;

public class ContentTextTests
{
    static ContentTextTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("GBK")]
    [InlineData("GB18030")]
    [InlineData("GB2312")]
    public void A_form_saved_in_a_chinese_office_encoding_is_read_correctly_with_a_warning(string encoding)
    {
        var site = new TestSite("gbk");
        var utf8 = site.Read(TestSite.SeedForm);
        site.WriteBytes(TestSite.SeedForm, Encoding.GetEncoding(encoding).GetBytes(utf8));

        var content = site.Load();

        var warning = Assert.Single(content.Diagnostics, d => d.Where.File.EndsWith(TestSite.SeedForm, StringComparison.Ordinal));
        Assert.Equal(("PD0704", Severity.Warning), (warning.Code, warning.Severity));
        BothLanguages.Said(warning);
        Assert.Contains("GBK/GB18030", warning.MessageEn, StringComparison.Ordinal);
        var form = Assert.Single(content.Forms, f => f.Slug == "chambers-of-commerce-building");
        Assert.Equal("商协会建设", form.ProjectName);
        Assert.Equal("深圳市福田区投资推广和企业服务中心(本级)", Assert.IsType<Core.Forms.OrganisationValue>(form.Fields["applicant_unit"]).Printed);
    }

    [Fact]
    public void A_gbk_form_builds_to_the_same_page_as_the_utf8_form_and_fails_under_strict()
    {
        var utf8Site = new TestSite("gbk-utf8");
        Assert.True(utf8Site.Build().Succeeded);
        var gbkSite = new TestSite("gbk-page");
        var saved = gbkSite.WriteBytes(TestSite.SeedForm, Encoding.GetEncoding("GBK").GetBytes(gbkSite.Read(TestSite.SeedForm)));
        // The file's date as it was: a form without `updated` takes its date from the file, and only the encoding differs here.
        File.SetLastWriteTimeUtc(saved, File.GetLastWriteTimeUtc(Path.Combine(utf8Site.Content, TestSite.SeedForm)));

        Assert.False(gbkSite.Build(strict: true).Succeeded);
        Assert.True(gbkSite.Build().Succeeded);

        const string page = "sz-futian-investment-promotion/2024/chambers-of-commerce-building/index.html";
        Assert.Equal(File.ReadAllText(Path.Combine(utf8Site.Output, page)), File.ReadAllText(Path.Combine(gbkSite.Output, page)));
    }

    [Fact]
    public void Bytes_that_are_neither_utf8_nor_gb18030_are_refused_naming_the_place_and_the_encodings()
    {
        var bytes = Encoding.UTF8.GetBytes("name: 机构\nnote: ").Concat(new byte[] { 0x80, 0xFF, 0x0A }).ToArray();

        var error = Assert.Throws<ContentException>(() => ContentText.Decode(bytes, "x.yaml", new DiagnosticBag())).Diagnostic;

        Assert.Equal("PD0705", error.Code);
        BothLanguages.Said(error);
        Assert.Equal(new SourceSpan("x.yaml", 2, 7), error.Where);
        Assert.Contains("neither UTF-8 nor GBK/GB18030", error.MessageEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16", "UTF-16LE")]
    [InlineData("unicodeFFFE", "UTF-16BE")]
    public void Utf16_is_refused_naming_it(string encoding, string named)
    {
        var bytes = Encoding.GetEncoding(encoding).GetPreamble().Concat(Encoding.GetEncoding(encoding).GetBytes("name: 机构\n")).ToArray();

        var error = Assert.Throws<ContentException>(() => ContentText.Decode(bytes, "x.yaml", new DiagnosticBag())).Diagnostic;

        Assert.Contains(named, error.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8_with_a_bom_reads_without_the_bom_and_without_a_warning()
    {
        var bag = new DiagnosticBag();
        Assert.Equal("name: 机构", ContentText.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("name: 机构")], "x.yaml", bag));
        Assert.Empty(bag.ToList());
    }
}
