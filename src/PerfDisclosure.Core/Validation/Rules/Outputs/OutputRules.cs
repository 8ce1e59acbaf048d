using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation.Rules.Outputs;

/// <summary>What the output stages report while building (PD08xx): they concern the machine, not the content.</summary>
public static class OutputRules
{
    public static LoadingRule PdfSkipped { get; } = new("PD0801", Severity.Info, "未生成 PDF：未安装 PDF 引擎（使用 --require-pdf 时为错误）", "PDFs were skipped: the PDF engine is not installed (an error with --require-pdf)", new(
        "shenzhen-target",
        "# build on a machine where npm ci --prefix pdf-engine has not run\n",
        "# npm ci --prefix pdf-engine, then build\n",
        ExampleKind.Other));

    public static LoadingRule CacheUnwritable { get; } = new("PD0803", Severity.Warning, "无法写入缓存文件夹，构建未使用缓存继续进行", "The cache folder cannot be written; the build went on without it", new(
        "shenzhen-target",
        "# build --cache /read-only/cache (or a disk that is full)\n",
        "# build --cache .cache, or build --no-cache\n",
        ExampleKind.Other));

    public static LoadingRule SearchTextMissing { get; } = new("PD0804", Severity.Warning, "表单页面没有 <main> 内容，搜索找不到它（模板缺少 <main>）", "A form's page has no <main> content, so search cannot find it (the template lacks <main>)", new(
        "shenzhen-target",
        "# templates/layouts/base.sbn-html\n<body><div>{{ content }}</div></body>\n",
        "# templates/layouts/base.sbn-html\n<body><main id=\"main\">{{ content }}</main></body>\n",
        ExampleKind.Other));

    public static LoadingRule TypesetFailed { get; } = new("PD0810", Severity.Error, "PDF 排版失败（Typst 报告错误或警告，如版面未收敛），未发布该 PDF", "A PDF failed to typeset (Typst reported an error or a warning, e.g. the layout did not converge); it was not published", new(
        "shenzhen-target",
        "# a layout template whose form table Typst cannot lay out\n",
        "# fix the template or the layout's print: hints, then build\n",
        ExampleKind.Other));

    public static LoadingRule GlyphMissing { get; } = new("PD0811", Severity.Warning, "PDF 的字体没有这个字符的字形，它在 PDF 中印成空白（网页不受影响）", "The PDF's fonts have no glyph for a character: it prints blank in the PDF (the web page is not affected)", new(
        "shenzhen-target",
        "project_name: 𓀀 项目   # U+13000: a character the packaged Noto Serif SC does not cover\n",
        "project_name: 某项目   # a character the font covers, or add a font that has it to pdf-engine/fonts.json\n",
        ExampleKind.Other));

    public static IEnumerable<Rule> All => [PdfSkipped, CacheUnwritable, SearchTextMissing, TypesetFailed, GlyphMissing];
}
