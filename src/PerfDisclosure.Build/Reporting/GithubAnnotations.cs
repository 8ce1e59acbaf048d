using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Reporting;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…,col=…,title=…::message</c>), which the runner shows as
/// annotations on the commit and pull request.
/// </summary>
public static class GithubAnnotations
{
    public static void Write(TextWriter output, IEnumerable<Diagnostic> diagnostics, string language)
    {
        foreach (var d in diagnostics)
        {
            output.WriteLine(Line(d, language));
        }
    }

    public static string Line(Diagnostic d, string language)
    {
        var command = d.Draft ? "notice" : d.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };
        var message = DiagnosticWriter.WithFix(d, language);
        return $"::{command} file={Property(d.Where.File)},line={d.Where.Line},col={d.Where.Column},title={Property(d.Draft ? $"{d.Code} ({DiagnosticWriter.SeverityOf(d)})" : d.Code)}::{Data(message)}";
    }

    // The runner's escaping rules: data escapes %, CR, LF; property values also ':' and ','.
    private static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
