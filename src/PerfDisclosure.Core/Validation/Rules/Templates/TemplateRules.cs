using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation.Rules.Templates;

/// <summary>The codes rendering reports (PD09xx): a site's templates, not its content, are at fault.</summary>
public static class TemplateRules
{
    public static LoadingRule TemplateNotFound { get; } = new("PD0901", Severity.Error, "找不到模板", "Template not found", new(
        "shenzhen-target",
        "# templates/layouts/forms/shenzhen-target.yaml\ntemplate: shenzhen-target-v2   # no layouts/forms/shenzhen-target-v2.sbn-html\n",
        "# templates/layouts/forms/shenzhen-target.yaml\ntemplate: shenzhen-target\n",
        ExampleKind.Other));

    public static LoadingRule TemplateFailed { get; } = new("PD0902", Severity.Error, "模板无法解析或渲染出错", "A template does not parse or fails while rendering", new(
        "shenzhen-target",
        "# templates/layouts/forms/shenzhen-target.sbn-html\n<h1>{{ form.project_name </h1>\n",
        "# templates/layouts/forms/shenzhen-target.sbn-html\n<h1>{{ form.project_name }}</h1>\n",
        ExampleKind.Other));

    public static LoadingRule BadStrings { get; } = new("PD0903", Severity.Error, "主题文字文件有误（没有这个键，或使用了不会被填写的占位符）", "The theme's strings file is invalid (an unknown key, or a placeholder that is never filled in)", new(
        "shenzhen-target",
        "# templates/strings.yaml\nhome: 首页\ntitle:\n  serach: 搜索\n",
        "# templates/strings.yaml\nhome: 首页\ntitle:\n  search: 搜索\n",
        ExampleKind.Other));

    public static IEnumerable<Rule> All => [TemplateNotFound, TemplateFailed, BadStrings];
}
