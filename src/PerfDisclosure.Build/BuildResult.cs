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
    /// <summary>Nothing changed since the last build: the site was left as it was and nothing was written.</summary>
    public bool Unchanged { get; init; }

    public int Errors => Diagnostics.Count(d => d.IsError);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning && !d.Draft);

    /// <summary>Findings in draft forms (<c>draft: true</c>): listed, never stopping the build.</summary>
    public int DraftFindings => Diagnostics.Count(d => d.Draft);
}
