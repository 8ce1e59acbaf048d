using System.Text.Json;
using PerfDisclosure.Build.Reporting;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation;

namespace PerfDisclosure.Build.Tests.Reporting;

public class DiagnosticWriterTests
{
    private static readonly Diagnostic[] Findings =
    [
        new("PD0301", Severity.Warning, new SourceSpan("content/forms/a/2022/b.yaml", 13, 10), "资金总额与分项之和不符", "Total differs, 100%: a,b"),
        new("PD0003", Severity.Error, new SourceSpan("content/forms/a/2022/c.yaml", 4, 1), "未知字段“project_nmae”", "Unknown field 'project_nmae'", new SuggestedFix("是否应为“project_name”？", "did you mean 'project_name'?")),
    ];

    private static string Write(string format, string language = "en")
    {
        var output = new StringWriter();
        DiagnosticWriter.Write(output, Findings, format, language);
        return output.ToString();
    }

    [Fact]
    public void Text_prints_file_line_column_severity_code_message_as_compilers_do()
    {
        var lines = Write("text").TrimEnd().Split('\n');
        Assert.Equal("content/forms/a/2022/b.yaml:13:10: warning PD0301: Total differs, 100%: a,b", lines[0]);
        Assert.Equal("content/forms/a/2022/c.yaml:4:1: error PD0003: Unknown field 'project_nmae' (did you mean 'project_name'?)", lines[1]);
        Assert.Contains("资金总额与分项之和不符", Write("text", "zh"), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_is_an_array_of_objects_with_the_documented_fields()
    {
        using var json = JsonDocument.Parse(Write("json"));
        var first = json.RootElement[0];
        Assert.Equal(2, json.RootElement.GetArrayLength());
        Assert.Equal("content/forms/a/2022/b.yaml", first.GetProperty("file").GetString());
        Assert.Equal(13, first.GetProperty("line").GetInt32());
        Assert.Equal(10, first.GetProperty("column").GetInt32());
        Assert.Equal("warning", first.GetProperty("severity").GetString());
        Assert.Equal("PD0301", first.GetProperty("code").GetString());
        Assert.Equal("Total differs, 100%: a,b", first.GetProperty("message").GetString());
        Assert.Equal("did you mean 'project_name'?", json.RootElement[1].GetProperty("fix").GetString());
    }

    [Fact]
    public void Github_prints_workflow_annotations_with_escaped_values()
    {
        var lines = Write("github").TrimEnd().Split('\n');
        Assert.Equal("::warning file=content/forms/a/2022/b.yaml,line=13,col=10,title=PD0301::Total differs, 100%25: a,b", lines[0]);
        Assert.StartsWith("::error file=content/forms/a/2022/c.yaml,line=4,col=1,title=PD0003::Unknown field", lines[1], StringComparison.Ordinal);
        Assert.Equal("::notice file=x%3Ay.yaml,line=1,col=1,title=PD0201::a%0Ab", GithubAnnotations.Line(new Diagnostic("PD0201", Severity.Info, new SourceSpan("x:y.yaml", 1, 1), "a\nb", "a\nb"), "en"));
    }

    [Fact]
    public void Sarif_is_version_2_1_0_with_rules_results_and_regions()
    {
        using var sarif = JsonDocument.Parse(Write("sarif"));
        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal(SarifWriter.SchemaUri, root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        Assert.Equal(RuleSet.Default.Rules.Count, rules.GetArrayLength());
        var results = run.GetProperty("results");
        Assert.Equal(2, results.GetArrayLength());
        var result = results[0];
        Assert.Equal("PD0301", result.GetProperty("ruleId").GetString());
        Assert.Equal("PD0301", rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        Assert.Equal("warning", result.GetProperty("level").GetString());
        Assert.Equal("Total differs, 100%: a,b", result.GetProperty("message").GetProperty("text").GetString());
        var location = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
        Assert.Equal("content/forms/a/2022/b.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(13, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(10, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Equal("error", results[1].GetProperty("level").GetString());
    }

    /// <summary>The fix is printed in the language asked for, in every format, never the English one after a Chinese message.</summary>
    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("github")]
    [InlineData("sarif")]
    public void The_fix_is_in_the_chosen_language_in_every_format(string format)
    {
        var chinese = Write(format, "zh");
        var english = Write(format, "en");

        Assert.Contains("是否应为“project_name”？", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", chinese, StringComparison.Ordinal);
        Assert.Contains("did you mean 'project_name'?", english, StringComparison.Ordinal);
        Assert.DoesNotContain("是否应为", english, StringComparison.Ordinal);
        if (format != "json")
        {
            Assert.Contains("未知字段“project_nmae”（是否应为“project_name”？）", chinese, StringComparison.Ordinal); // brackets as Chinese writes them
        }
    }
}
