using System.Text.Encodings.Web;
using System.Text.Json;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation;

namespace PerfDisclosure.Build.Reporting;

/// <summary>SARIF 2.1.0, the format code-scanning services (GitHub, GitLab, Azure DevOps) upload.</summary>
public static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string HelpUri = "https://github.com/perfdisclosure/perfdisclosure/blob/main/docs/validation-codes.md";

    public static void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, string language, RuleSet? rules = null)
    {
        rules ??= RuleSet.Default;
        var index = rules.Rules.Select((r, i) => (r.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        var english = Core.Diagnostics.MessageLanguage.IsEnglish(language);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "PerfDisclosure");
            json.WriteString("informationUri", HelpUri);
            json.WriteStartArray("rules");
            foreach (var rule in rules.Rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Code);
                json.WriteString("name", rule.GetType() == typeof(LoadingRule) ? rule.Code : rule.GetType().Name);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", english ? rule.TitleEn : rule.Title);
                json.WriteEndObject();
                json.WriteString("helpUri", $"{HelpUri}#{rule.Code.ToLowerInvariant()}");
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(rule.Severity));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var d in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", d.Code);
                if (index.TryGetValue(d.Code, out var i))
                {
                    json.WriteNumber("ruleIndex", i);
                }

                json.WriteString("level", d.Draft ? "note" : Level(d.Severity));
                if (d.Draft)
                {
                    // A draft's finding: listed, never failing the run; its own severity kept for the reader.
                    json.WriteStartObject("properties");
                    json.WriteBoolean("draft", true);
                    json.WriteString("severity", DiagnosticWriter.SeverityOf(d));
                    json.WriteEndObject();
                }

                json.WriteStartObject("message");
                json.WriteString("text", DiagnosticWriter.WithFix(d, language));
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", d.Where.File.Replace('\\', '/'));
                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", d.Where.Line);
                json.WriteNumber("startColumn", d.Where.Column);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>SARIF's result levels: error, warning, note.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };
}
