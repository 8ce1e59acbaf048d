using PerfDisclosure.Build.Site;
using PerfDisclosure.Core.Forms;

namespace PerfDisclosure.Build.Pdf;

/// <summary>
/// The compilation (汇总表) of one organisation and year: its title, after the kinds of forms it holds (the document
/// itself is <see cref="TypstJobs"/>'s).
/// </summary>
public static class CompilationDocument
{
    /// <summary>The compilation's title, after the kind of forms it holds.</summary>
    public static string Title(Theme.ThemeStrings strings, IReadOnlyList<FormEntry> forms, int year) =>
        strings.Format(
            forms.All(f => f.IsSelfEvaluation) ? "compilation.self_evaluation" : forms.Any(f => f.IsSelfEvaluation) ? "compilation.mixed" : "compilation.target",
            ("year", year));
}
