using System.Text.Encodings.Web;
using System.Text.Json;
using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Reporting;

/// <summary>Prints diagnostics in the formats editors and CI read.</summary>
public static class DiagnosticWriter
{
    public static readonly IReadOnlyList<string> Formats = ["text", "json", "github", "sarif"];

    public static void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, string format, string language)
    {
        switch (format)
        {
            case "json":
                WriteJson(output, diagnostics, language);
                break;
            case "github":
                GithubAnnotations.Write(output, diagnostics, language);
                break;
            case "sarif":
                SarifWriter.Write(output, diagnostics, language);
                break;
            default:
                // One write, not one a line: a large site has thousands of warnings, and a console flushes each write.
                var text = new System.Text.StringBuilder(diagnostics.Count * 160);
                foreach (var d in diagnostics)
                {
                    text.AppendLine(Text(d, language));
                }

                output.Write(text.ToString());
                break;
        }
    }

    /// <summary><c>file:line:col: severity CODE: message</c>, as compilers print; one line, nothing in it a terminal would act on (<see cref="TerminalText"/>).</summary>
    public static string Text(Diagnostic d, string language) =>
        TerminalText.Escape($"{d.Where}: {SeverityOf(d)} {d.Code}: {WithFix(d, language)}");

    /// <summary>
    /// The message and its fix in one language, the fix in brackets as that language writes them:
    /// <c>消息（修改建议）</c>, <c>message (fix)</c>.
    /// </summary>
    public static string WithFix(Diagnostic d, string language) => d.FixIn(language) switch
    {
        null => d.MessageIn(language),
        var fix when IsEnglish(language) => $"{d.MessageEn} ({fix})",
        var fix => $"{d.Message}（{fix}）",
    };

    private static bool IsEnglish(string language) => Core.Diagnostics.MessageLanguage.IsEnglish(language);

    /// <summary>The severity word of a finding: a draft's is <c>draft-error</c>, <c>draft-warning</c>, <c>draft-info</c> (never stopping a build).</summary>
    public static string SeverityOf(Diagnostic d) => d.Draft ? "draft-" + Severity(d.Severity) : Severity(d.Severity);

    public static string Severity(Severity severity) => severity switch
    {
        Core.Diagnostics.Severity.Error => "error",
        Core.Diagnostics.Severity.Warning => "warning",
        _ => "info",
    };

    private static void WriteJson(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, string language)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var d in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("file", d.Where.File);
                json.WriteNumber("line", d.Where.Line);
                json.WriteNumber("column", d.Where.Column);
                json.WriteString("severity", SeverityOf(d));
                if (d.Draft)
                {
                    json.WriteBoolean("draft", true);
                }

                json.WriteString("code", d.Code);
                json.WriteString("message", d.MessageIn(language));
                if (d.FixIn(language) is { } fix)
                {
                    json.WriteString("fix", fix);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
