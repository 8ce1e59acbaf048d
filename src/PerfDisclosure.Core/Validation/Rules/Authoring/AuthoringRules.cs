using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation.Rules.Authoring;

/// <summary>
/// What the authoring tools report (<c>serve</c>): a preview server outlives a build that failed in an unexpected way
/// and shows the failure in the browser under this code, so it is documented like every rule
/// (tests/PerfDisclosure.Build.Tests/Authoring prove it).
/// </summary>
public static class AuthoringRules
{
    public static LoadingRule PreviewBuildFailed { get; } = new("PD0000", Severity.Error, "预览时构建意外中止（例如输出文件夹无法写入），原因显示在浏览器中", "A build during serve failed unexpectedly (e.g. the output folder cannot be written); the preview shows why", new(
        "shenzhen-target",
        "# serve --output /proc/site\n",
        "# serve --output site\n",
        ExampleKind.Other));

    public static IEnumerable<Rule> All => [PreviewBuildFailed];
}
