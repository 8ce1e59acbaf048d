using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation;

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

    /// <summary>Adds a finding of <paramref name="rule"/>, which gives it its code and severity.</summary>
    public void Report(Rule rule, SourceSpan at, string message, string messageEn, SuggestedFix? fix = null) =>
        Add(rule.Report(at, message, messageEn, fix));

    /// <summary>The diagnostics in a stable order: by file, line, column, code.</summary>
    public IReadOnlyList<Diagnostic> ToList()
    {
        lock (items)
        {
            return [.. items.OrderBy(d => d.Where.File, StringComparer.Ordinal).ThenBy(d => d.Where.Line).ThenBy(d => d.Where.Column).ThenBy(d => d.Code, StringComparer.Ordinal)];
        }
    }
}
