using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Identifiers;
using PerfDisclosure.Core.Validation.Rules.Input;

namespace PerfDisclosure.Build.Loading;

/// <summary>What a file name becomes in the site.</summary>
public enum IdentifierKind
{
    /// <summary>An organisation id: a folder at the site's root.</summary>
    Organisation,

    /// <summary>A form slug: a folder under its owner and year.</summary>
    Form,

    /// <summary>A free page's slug: a folder under pages/.</summary>
    Page,
}

/// <summary>Reports a file whose name cannot become an id or slug (<see cref="IdentifierRules"/>); such a file is not loaded.</summary>
public static class Identifiers
{
    public static bool Accept(string name, string file, IdentifierKind kind, DiagnosticBag diagnostics)
    {
        if (IdentifierRules.Check(name) is not { } problem)
        {
            return true;
        }

        var (zh, en) = kind switch
        {
            IdentifierKind.Organisation => ("机构标识", "organisation id"),
            IdentifierKind.Form => ("表单标识", "form slug"),
            _ => ("页面标识", "page slug"),
        };
        diagnostics.Report(InputRules.BadIdentifier, SourceSpan.FileOnly(file), $"文件名不能用作{zh}：{problem.Message}", $"The file name cannot be used as the {en} '{name}': {problem.MessageEn}", problem.Fix);
        return false;
    }
}
