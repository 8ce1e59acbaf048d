using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build;

/// <summary>How a build went: its diagnostics, what it wrote, and how long each stage took.</summary>
public sealed record BuildResult(
    bool Succeeded,
    IReadOnlyList<Diagnostic> Diagnostics,
    int FormPages,
    int FilesWritten,
    IReadOnlyList<(string Stage, TimeSpan Time)> Stages)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}
