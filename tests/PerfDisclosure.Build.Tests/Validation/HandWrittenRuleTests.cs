using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Validation;

/// <summary>The rules whose documented example needs a second file or a theme file (ExampleKind.Other).</summary>
public class HandWrittenRuleTests
{
    private const string Layout = "shenzhen-target";

    [Fact]
    public void PD0502_two_forms_with_one_id()
    {
        var site = new ExampleSite("pd0502");
        site.AddForm(Layout, string.Empty);
        site.Write("forms/elsewhere/example.yaml", File.ReadAllText(site.AddForm(Layout, "project_name: 另一个项目\n", "example")));
        // Files are read in ordinal path order; the later one is reported, naming the first.
        var finding = Assert.Single(site.Check(), d => d.Code == "PD0502");
        BothLanguages.Said(finding);
        Assert.EndsWith("forms/sz-futian-investment-promotion/2024/example.yaml", finding.Where.File, StringComparison.Ordinal);
        Assert.Contains("forms/elsewhere/example.yaml", finding.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void PD0503_the_same_project_twice_in_one_year()
    {
        var site = new ExampleSite("pd0503");
        site.AddForm(Layout, string.Empty, "a-office-equipment");
        site.AddForm(Layout, "project_code: \"440304231151500205099\"\n", "b-office-equipment");
        var finding = Assert.Single(site.Check(), d => d.Code == "PD0503");
        BothLanguages.Said(finding);
        Assert.EndsWith("b-office-equipment.yaml", finding.Where.File, StringComparison.Ordinal);

        var fixedSite = new ExampleSite("pd0503-fix");
        fixedSite.AddForm(Layout, string.Empty, "a-office-equipment");
        fixedSite.AddForm(Layout, "project_code: \"440304231151500205099\"\nproject_name: 办公设备采购（二期）\n", "b-office-equipment");
        Assert.DoesNotContain(fixedSite.Check(), d => d.Code == "PD0503");
    }

    [Fact]
    public void PD0505_a_file_outside_its_owner_and_year_folder()
    {
        var site = new ExampleSite("pd0505");
        site.Write("forms/misc/example.yaml", ExampleSite.Patch(ExampleSite.BaseForms[Layout].Yaml, string.Empty));
        var finding = Assert.Single(site.Check(), d => d.Code == "PD0505");
        BothLanguages.Said(finding);
        Assert.Contains("sz-futian-investment-promotion/2024/example.yaml", finding.Fix?.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes", true)]
    [InlineData("years", true)]
    [InlineData("compare", true)]
    [InlineData("sz-notes-office", false)]
    public void PD0506_an_organisation_id_that_is_a_site_folder(string id, bool reported)
    {
        var site = new ExampleSite("pd0506");
        site.Write($"organisations/{id}.yaml", "name: 某单位\n");
        var findings = site.Check().Where(d => d.Code == "PD0506").ToList();
        Assert.Equal(reported ? 1 : 0, findings.Count);
        Assert.All(findings, d => BothLanguages.Said(d));
        Assert.All(findings, d => Assert.EndsWith($"organisations/{id}.yaml", d.Where.File, StringComparison.Ordinal));
    }

    [Fact]
    public void PD0010_a_layout_field_without_key()
    {
        var site = new ExampleSite("pd0010");
        var templates = Path.Combine(site.Dir, "templates");
        site.Write("templates/layouts/forms/my-layout.yaml", "id: my-layout\ntitle: 表\nkind: target\nowner: unit\nfields:\n  - {key: unit, label: 实施单位, type: organisation}\n  - {label: 项目名称}\n");
        var finding = Assert.Single(site.Check(templates), d => d.Code == "PD0010");
        BothLanguages.Said(finding);
        Assert.Equal((7, 5), (finding.Where.Line, finding.Where.Column));
    }

    [Fact]
    public void PD0011_a_layout_naming_a_framework_that_does_not_exist()
    {
        var site = new ExampleSite("pd0011");
        var templates = Path.Combine(site.Dir, "templates");
        var layout = File.ReadAllText(Path.Combine(Repo.Templates, "layouts", "forms", "shenzhen-target.yaml")).Replace("framework: mof-shenzhen", "framework: mof-shenzen", StringComparison.Ordinal);
        site.Write("templates/layouts/forms/shenzhen-target.yaml", layout);
        var finding = Assert.Single(site.Check(templates), d => d.Code == "PD0011");
        BothLanguages.Said(finding);
        Assert.Contains("mof-shenzen", finding.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void PD0011_a_site_can_override_a_framework_file_and_its_names_apply()
    {
        var site = new ExampleSite("framework-override");
        site.AddForm(Layout, "indicators:\n  - {level1: 产出指标, level2: 数量指标, level3: 国产台式电脑, target: \"12台\", explanation: 采购数量}\n");
        site.Write("templates/frameworks/mof.yaml", "id: mof\nlevels:\n  产出指标: [质量指标]\n");
        var finding = Assert.Single(site.Check(Path.Combine(site.Dir, "templates")), d => d.Code == "PD0102");
        BothLanguages.Said(finding);
        Assert.Contains("数量指标", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PD0901", "layouts/forms/shenzhen-target.yaml", null)]
    [InlineData("PD0902", "layouts/forms/shenzhen-target.sbn-html", "<h1>{{ form.project_name </h1>\n")]
    public void PD09xx_template_faults_stop_the_build(string code, string file, string? text)
    {
        var site = new ExampleSite(code);
        site.AddForm(Layout, string.Empty);
        text ??= File.ReadAllText(Path.Combine(Repo.Templates, file)) + "template: shenzhen-target-v2\n";
        site.Write("templates/" + file, text);
        var result = new SiteBuilder(new BuildOptions(site.Dir, Path.Combine(site.Dir, "templates"), Path.Combine(Repo.TempDir(code + "-site"), "site"))).Build();
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == code);
    }
}
