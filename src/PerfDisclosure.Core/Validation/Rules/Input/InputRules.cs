using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation.Rules.Input;

/// <summary>
/// The rules loading enforces on files before reading their YAML (PD07xx): names that cannot become ids, limits,
/// encodings unreadable files and an unsafe base URL. Their examples need files of their own, so hand-written tests prove them
/// (tests/PerfDisclosure.Build.Tests/Loading).
/// </summary>
public static class InputRules
{
    public static LoadingRule BadIdentifier { get; } = new("PD0701", Severity.Error, "文件名不能用作标识（只能用小写字母、数字和 -，不能用形似字母或保留名称）", "A file name cannot become an id or slug (lower-case ASCII letters, digits and '-' only; no look-alike letters or reserved names)", new(
        "shenzhen-target",
        "# content/forms/sz-futian-investment-promotion/2024/Office_Equipment.yaml\n",
        "# content/forms/sz-futian-investment-promotion/2024/office-equipment.yaml\n",
        ExampleKind.Other));

    public static LoadingRule FileTooLarge { get; } = new("PD0702", Severity.Error, "文件超过大小上限", "A file is larger than the limit", new(
        "shenzhen-target",
        "# a 10 MB form file\n",
        "# one form per file, long texts kept to what the form prints\n",
        ExampleKind.Other));

    public static LoadingRule YamlTooLarge { get; } = new("PD0703", Severity.Error, "YAML 结构超过上限（嵌套过深、节点过多或锚点展开过多）", "The YAML structure exceeds a limit (nesting depth, node count or alias expansion)", new(
        "shenzhen-target",
        "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
        "# write the values out instead of repeating anchors\n",
        ExampleKind.Other));

    public static LoadingRule GbkEncoding { get; } = new("PD0704", Severity.Warning, "文件为 GBK/GB18030 编码，已正确读取，请另存为 UTF-8", "A file is encoded as GBK/GB18030; it was read correctly, save it as UTF-8", new(
        "shenzhen-target",
        "# a form saved as GBK by an office editor\n",
        "# the same form saved as UTF-8\n",
        ExampleKind.Other));

    public static LoadingRule UnreadableEncoding { get; } = new("PD0705", Severity.Error, "文件编码无法读取（不是 UTF-8 或 GBK/GB18030）", "A file's encoding cannot be read (neither UTF-8 nor GBK/GB18030)", new(
        "shenzhen-target",
        "# a form saved as UTF-16 or Big5\n",
        "# the same form saved as UTF-8\n",
        ExampleKind.Other));

    public static LoadingRule UnreadableFile { get; } = new("PD0706", Severity.Error, "无法读取文件（权限或磁盘错误）", "A file cannot be read (permissions or a disk error)", new(
        "shenzhen-target",
        "# chmod 000 content/forms/…/office-equipment.yaml\n",
        "# chmod 644 content/forms/…/office-equipment.yaml\n",
        ExampleKind.Other));

    public static LoadingRule UnsafeBaseUrl { get; } = new("PD0707", Severity.Error, "site.yaml 的 base_url（或 --base-url）必须是 http(s) 完整网址或以 / 开头的路径，且不含空白或控制字符", "site.yaml's base_url (or --base-url) must be an absolute http(s) URL or a path starting with /, with no whitespace or control characters", new(
        "shenzhen-target",
        "# content/site.yaml\nbase_url: javascript:alert(1)//\n",
        "# content/site.yaml\nbase_url: https://budget.example.gov.cn/\n",
        ExampleKind.Other));

    public static LoadingRule LinkOutside { get; } = new("PD0708", Severity.Error, "content/ 或 templates/ 中的链接指向其外、循环或指向不存在的文件，未读取", "A link under content/ or templates/ leads outside that folder, loops or leads nowhere; it is not read", new(
        "shenzhen-target",
        "# ln -s /proc/self/environ content/pages/env.md\n",
        "# cp ../shared/about.md content/pages/about.md\n",
        ExampleKind.Other));

    public static LoadingRule SpecialFile { get; } = new("PD0709", Severity.Error, "content/ 或 templates/ 中有非普通文件（命名管道、套接字或设备），未读取", "A FIFO, socket or device under content/ or templates/; it is not read", new(
        "shenzhen-target",
        "# mkfifo content/forms/pipe.yaml\n",
        "# rm content/forms/pipe.yaml\n",
        ExampleKind.Other));

    public static LoadingRule StrayYaml { get; } = new("PD0710", Severity.Warning, "YAML 文件不在表单、机构或网站设置所在的位置，未读取", "A YAML file where no form, organisation or site setting can be; it is not read", new(
        "shenzhen-target",
        "# content/stray.yaml\n",
        "# content/forms/sz-futian-investment-promotion/2024/stray.yaml\n",
        ExampleKind.Other));

    public static IEnumerable<Rule> All => [BadIdentifier, FileTooLarge, YamlTooLarge, GbkEncoding, UnreadableEncoding, UnreadableFile, UnsafeBaseUrl, LinkOutside, SpecialFile, StrayYaml];
}
