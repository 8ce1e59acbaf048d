using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Loading;

/// <summary>Collects the diagnostics of a stage; thread-safe so parallel loaders can share one.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> items = [];

    public void Add(Diagnostic diagnostic)
    {
        lock (items)
        {
            items.Add(diagnostic);
        }
    }

    public void Error(string code, SourceSpan at, string message, string messageEn, string? fix = null) =>
        Add(new Diagnostic(code, Severity.Error, at, message, messageEn, fix));

    public void Warning(string code, SourceSpan at, string message, string messageEn, string? fix = null) =>
        Add(new Diagnostic(code, Severity.Warning, at, message, messageEn, fix));

    /// <summary>The diagnostics in a stable order: by file, line, column, code.</summary>
    public IReadOnlyList<Diagnostic> ToList()
    {
        lock (items)
        {
            return [.. items.OrderBy(d => d.Where.File, StringComparer.Ordinal).ThenBy(d => d.Where.Line).ThenBy(d => d.Where.Column).ThenBy(d => d.Code, StringComparer.Ordinal)];
        }
    }
}
