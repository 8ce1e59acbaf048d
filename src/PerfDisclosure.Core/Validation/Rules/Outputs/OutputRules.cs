using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation.Rules.Outputs;

/// <summary>What the output stages report while building (PD08xx): they concern the machine, not the content.</summary>
public static class OutputRules
{
    public static LoadingRule PdfSkipped { get; } = new("PD0801", Severity.Info, "未生成 PDF：找不到 Chromium（使用 --require-pdf 时为错误）", "PDFs were skipped: no Chromium was found (an error with --require-pdf)", new(
        "shenzhen-target",
        "# build on a machine without Chromium\n",
        "# apt-get install chromium, or build --chromium /path/to/chromium\n",
        ExampleKind.Other));

    public static LoadingRule PdfFailed { get; } = new("PD0802", Severity.Error, "Chromium 打印 PDF 失败", "Chromium failed to print the PDFs", new(
        "shenzhen-target",
        "# build --chromium /bin/false\n",
        "# build --chromium /usr/bin/chromium\n",
        ExampleKind.Other));

    public static LoadingRule CacheUnwritable { get; } = new("PD0803", Severity.Warning, "无法写入缓存文件夹，构建未使用缓存继续进行", "The cache folder cannot be written; the build went on without it", new(
        "shenzhen-target",
        "# build --cache /read-only/cache (or a disk that is full)\n",
        "# build --cache .cache, or build --no-cache\n",
        ExampleKind.Other));

    public static LoadingRule SearchTextMissing { get; } = new("PD0804", Severity.Warning, "表单页面没有 <main> 内容，搜索找不到它（模板缺少 <main>）", "A form's page has no <main> content, so search cannot find it (the template lacks <main>)", new(
        "shenzhen-target",
        "# templates/layouts/forms/shenzhen-target.sbn-html\n<div>{{ form.project_name }}</div>\n",
        "# templates/layouts/forms/shenzhen-target.sbn-html\n<main>{{ form.project_name }}</main>\n",
        ExampleKind.Other));

    public static IEnumerable<Rule> All => [PdfSkipped, PdfFailed, CacheUnwritable, SearchTextMissing];
}
