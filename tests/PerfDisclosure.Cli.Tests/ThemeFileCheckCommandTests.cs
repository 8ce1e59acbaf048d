using System.Text.Json;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Cli.Tests;

/// <summary>A mistake in a site's layout file is an error at its line and column in every format of check, and build stops on it leaving the previous site.</summary>
[Collection(nameof(ConsoleCollection))]
public class ThemeFileCheckCommandTests
{
    private const string Layout = "layouts/forms/shenzhen-target.yaml";

    /// <summary>Templates whose Shenzhen layout has <c>kind: targt</c> on line 5, at column 7.</summary>
    private static string BrokenTemplates()
    {
        var templates = Repo.TempDir("theme-cli");
        var path = Path.Combine(templates, Layout);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var seed = File.ReadAllText(Path.Combine(Repo.Templates, Layout));
        Assert.Equal("kind: target", seed.Split('\n')[4]);
        File.WriteAllText(path, seed.Replace("kind: target", "kind: targt", StringComparison.Ordinal));
        return templates;
    }

    /// <summary>content/ with one organisation's forms: a quick build.</summary>
    private static string SmallContent()
    {
        var content = Repo.CopyTree(Path.Combine(Repo.TempDir("theme-cli-content"), "content"));
        foreach (var other in Directory.EnumerateDirectories(Path.Combine(content, "forms")).Where(d => !d.EndsWith("sz-futian-investment-promotion", StringComparison.Ordinal)))
        {
            Directory.Delete(other, recursive: true);
        }

        return content;
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("github")]
    [InlineData("sarif")]
    public void Check_reports_a_layout_typo_at_its_line_and_column_in_every_format(string format)
    {
        var (code, output, _) = InProcess.Run("check", "--content", SmallContent(), "--templates", BrokenTemplates(), "--format", format, "--lang", "en");

        Assert.Equal(1, code);
        var (file, line, column, rule) = format switch
        {
            "json" => Json(output),
            "sarif" => Sarif(output),
            "github" => Github(output),
            _ => Text(output),
        };
        Assert.EndsWith(Layout, file, StringComparison.Ordinal);
        Assert.Equal((5, 7, "PD0010"), (line, column, rule));
    }

    [Fact]
    public void Build_stops_on_a_layout_typo_with_exit_1_and_leaves_the_previous_site()
    {
        var content = SmallContent();
        var output = Path.Combine(Repo.TempDir("theme-cli-site"), "site");
        Assert.Equal(0, InProcess.Run("build", "--content", content, "--templates", Repo.Templates, "--output", output, "--no-pdf", "--no-cache").Code);
        var before = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllBytes(f))).ToList();

        var (code, said, error) = InProcess.Run("build", "--content", content, "--templates", BrokenTemplates(), "--output", output, "--no-pdf", "--no-cache", "--lang", "en");

        Assert.Equal(1, code);
        Assert.Contains("shenzhen-target.yaml:5:7: error PD0010", said + error, StringComparison.Ordinal);
        var after = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllBytes(f))).ToList();
        Assert.Equal(before.Select(b => b.f), after.Select(a => a.f));
        Assert.All(before.Zip(after), pair => Assert.Equal(pair.First.Item2, pair.Second.Item2));
    }

    private static (string File, int Line, int Column, string Code) Text(string output)
    {
        var line = output.Split('\n').Single(l => l.Contains(" PD0010:", StringComparison.Ordinal));
        var place = line[..line.IndexOf(": error", StringComparison.Ordinal)].Split(':');
        return (place[0], int.Parse(place[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(place[2], System.Globalization.CultureInfo.InvariantCulture), "PD0010");
    }

    private static (string, int, int, string) Json(string output)
    {
        var finding = JsonDocument.Parse(output).RootElement.EnumerateArray().Single(d => d.GetProperty("code").GetString() == "PD0010");
        return (finding.GetProperty("file").GetString()!, finding.GetProperty("line").GetInt32(), finding.GetProperty("column").GetInt32(), finding.GetProperty("code").GetString()!);
    }

    private static (string, int, int, string) Sarif(string output)
    {
        var result = JsonDocument.Parse(output).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "PD0010");
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        var region = location.GetProperty("region");
        return (location.GetProperty("artifactLocation").GetProperty("uri").GetString()!, region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), result.GetProperty("ruleId").GetString()!);
    }

    private static (string, int, int, string) Github(string output)
    {
        var line = output.Split('\n').Single(l => l.Contains("title=PD0010::", StringComparison.Ordinal));
        var fields = line["::error ".Length..line.IndexOf("::", "::error ".Length, StringComparison.Ordinal)].Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return (fields["file"], int.Parse(fields["line"], System.Globalization.CultureInfo.InvariantCulture), int.Parse(fields["col"], System.Globalization.CultureInfo.InvariantCulture), fields["title"]);
    }
}
