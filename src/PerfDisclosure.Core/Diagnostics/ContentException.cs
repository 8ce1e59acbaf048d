namespace PerfDisclosure.Core.Diagnostics;

/// <summary>Content that cannot be read any further; carries the diagnostic that says where and why.</summary>
public sealed class ContentException(Diagnostic diagnostic) : Exception(diagnostic.MessageEn)
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}
