using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Rendering;

/// <summary>A template that does not parse or fails while rendering; says where in the template and for which page.</summary>
public sealed class TemplateError(Diagnostic diagnostic) : Exception(diagnostic.Where + ": " + diagnostic.MessageEn)
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}
