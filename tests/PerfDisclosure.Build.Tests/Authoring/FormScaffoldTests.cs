using PerfDisclosure.Build.Authoring;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Authoring;

public class FormScaffoldTests
{
    [Theory]
    [InlineData("shanghai-target-2026", "sh-minhang-investment-promotion", 11)]
    [InlineData("shanghai-target-2022", "sh-minhang-government-office", 11)]
    [InlineData("shanghai-self-evaluation", "sh-hongqiao-investment-service", 11)]
    [InlineData("shenzhen-target", "sz-futian-investment-promotion", 10)]
    public void A_new_form_has_every_field_and_the_framework_skeleton_and_loads(string layoutId, string organisation, int skeletonRows)
    {
        var content = CopyOfOrganisations();
        var path = FormScaffold.Create(new FormScaffold.Request(content, Repo.Templates, layoutId, organisation, 2027, "new-project", "新项目"));

        Assert.Equal(Path.Combine(content, "forms", organisation, "2027", "new-project.yaml"), path);
        var loaded = ContentLoader.Load(content, new ThemeFiles(Repo.Templates));
        var form = Assert.Single(loaded.Forms);
        Assert.Equal($"{organisation}/2027/new-project", form.Id);
        Assert.Equal("新项目", form.ProjectName);
        Assert.Equal(skeletonRows, form.Indicators.Count);
        Assert.All(form.Indicators, row => Assert.NotNull(row.Level2));

        // Every key of the layout is in the file, so the author only fills in; what is left blank and required is reported.
        var text = File.ReadAllText(path);
        var layout = loaded.Layouts[layoutId];
        Assert.All(layout.Fields.Select(f => f.Key), key => Assert.Contains($"\n{key}:", text));
        Assert.All(loaded.Diagnostics.Where(d => d.IsError), d => Assert.Equal("PD0002", d.Code));
    }

    [Theory]
    [InlineData("两行\n名称", "两行\n名称")]
    [InlineData("行分隔\u2028符", "行分隔\u2028符")]
    [InlineData("下一行\u0085符", "下一行\n符")]
    [InlineData("回车\r\n换行", "回车\n换行")]
    [InlineData("\"引号\" \\ # : 名称", "\"引号\" \\ # : 名称")]
    public void A_name_with_a_line_break_or_separator_is_written_as_yaml_that_reads_back_the_same(string name, string expected)
    {
        var content = CopyOfOrganisations();
        var path = FormScaffold.Create(new FormScaffold.Request(content, Repo.Templates, "shenzhen-target", "sz-futian-investment-promotion", 2027, "named", name));

        var root = (YamlMappingNode)Yaml.Parse("f.yaml", File.ReadAllText(path))!;
        Assert.Equal(expected, ((YamlScalarNode)root.Children[new YamlScalarNode("project_name")]).Value);
    }

    [Fact]
    public void Shenzhen_scaffold_lists_the_level2_rows_the_form_prints()
    {
        var content = CopyOfOrganisations();
        FormScaffold.Create(new FormScaffold.Request(content, Repo.Templates, "shenzhen-target", "sz-futian-investment-promotion", 2027, "x"));
        var form = Assert.Single(ContentLoader.Load(content, new ThemeFiles(Repo.Templates)).Forms);
        Assert.Equal(
            ["数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标", "其他满意度指标"],
            form.Indicators.Select(r => r.Level2!.Text));
    }

    [Fact]
    public void Unknown_layout_organisation_or_existing_file_is_a_clear_error()
    {
        var content = CopyOfOrganisations();
        var unknownLayout = Assert.Throws<ScaffoldException>(() => FormScaffold.Create(new FormScaffold.Request(content, Repo.Templates, "shenzhen-targte", "sz-futian-investment-promotion", 2027, "x")));
        Assert.Contains("did you mean 'shenzhen-target'", unknownLayout.Message);
        Assert.StartsWith("没有版式“shenzhen-targte”；已有的版式：", unknownLayout.MessageZh, StringComparison.Ordinal);
        Assert.EndsWith("（是不是“shenzhen-target”？）", unknownLayout.MessageZh, StringComparison.Ordinal);
        var unknownOrganisation = Assert.Throws<ScaffoldException>(() => FormScaffold.Create(new FormScaffold.Request(content, Repo.Templates, "shenzhen-target", "sz-futian-investment", 2027, "x")));
        Assert.Contains("no organisation 'sz-futian-investment'", unknownOrganisation.Message);
        Assert.Contains("中没有单位“sz-futian-investment”", unknownOrganisation.MessageZh, StringComparison.Ordinal);
        var path = FormScaffold.Create(new FormScaffold.Request(content, Repo.Templates, "shenzhen-target", "sz-futian-investment-promotion", 2027, "x"));
        var exists = Assert.Throws<Build.Reporting.BilingualIOException>(() => FormScaffold.Create(new FormScaffold.Request(content, Repo.Templates, "shenzhen-target", "sz-futian-investment-promotion", 2027, "x")));
        Assert.Equal($"{path} already exists; choose another slug", exists.Message);
        Assert.Equal($"{path} 已存在；请换一个文件名（slug）", exists.MessageZh);
        // Names follow the loader's identifier rules (PD0701): a look-alike letter gets its ASCII spelling suggested.
        var badSlug = Assert.Throws<ScaffoldException>(() => FormScaffold.Create(new FormScaffold.Request(content, Repo.Templates, "shenzhen-target", "sz-futian-investment-promotion", 2027, "оffice")));
        Assert.Contains("slug 'оffice'", badSlug.Message);
        Assert.Contains("rename to 'office'", badSlug.Message);
        Assert.Contains("文件名（slug）“оffice”", badSlug.MessageZh, StringComparison.Ordinal);
        Assert.Contains("改名为“office”", badSlug.MessageZh, StringComparison.Ordinal);
        Assert.Contains("reserved", Assert.Throws<ScaffoldException>(() => FormScaffold.Create(new FormScaffold.Request(content, Repo.Templates, "shenzhen-target", "sz-futian-investment-promotion", 2027, "con"))).Message);
        var year = Assert.Throws<ScaffoldException>(() => FormScaffold.Create(new FormScaffold.Request(content, Repo.Templates, "shenzhen-target", "sz-futian-investment-promotion", 2101, "y")));
        Assert.Equal(("--year 2101：年度不在 1949–2100 之间", "--year 2101: the year 2101 is outside 1949–2100"), (year.MessageZh, year.Message));
    }

    private static string CopyOfOrganisations()
    {
        var content = Repo.TempDir("new");
        Directory.CreateDirectory(Path.Combine(content, "organisations"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Content, "organisations")))
        {
            File.Copy(file, Path.Combine(content, "organisations", Path.GetFileName(file)));
        }

        return content;
    }
}
