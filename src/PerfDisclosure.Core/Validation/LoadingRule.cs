using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation;

/// <summary>
/// A rule that loading enforces while it reads YAML (syntax, required fields, types …): documented and registered here
/// like every rule, reported by the loader at the offending node because the model cannot hold what failed to load.
/// </summary>
public sealed class LoadingRule(string code, Severity severity, string title, string titleEn, RuleExample example) : Rule
{
    public override string Code { get; } = code;

    public override Severity Severity { get; } = severity;

    public override string Title { get; } = title;

    public override string TitleEn { get; } = titleEn;

    public override RuleExample Example { get; } = example;
}
