using PerfDisclosure.Build.Authoring;
using PerfDisclosure.Build.Reporting;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Authoring;

/// <summary>Drafts (<c>draft: true</c>): left out of <c>build</c> unless <c>--drafts</c>; their errors never stop it; listed as drafts' in every format.</summary>
public class DraftTests
{
    private const string Existing = "sz-futian-investment-promotion/2024/office-equipment-purchase";
    private const string Scaffolded = "sz-futian-investment-promotion/2025/office-rent";

    private static (string Content, string Output) SiteWithDrafts()
    {
        var root = Repo.TempDir("drafts");
        var content = Repo.CopyTree(Path.Combine(root, "content"));
        // A complete form marked draft (publishable with --drafts) and one as `new` writes it (required fields blank).
        var form = Path.Combine(content, "forms", Existing + ".yaml");
        File.WriteAllText(form, File.ReadAllText(form).Replace("\nyear: 2024\n", "\nyear: 2024\ndraft: true\n", StringComparison.Ordinal));
        FormScaffold.Create(new FormScaffold.Request(content, Repo.Templates, "shenzhen-target", "sz-futian-investment-promotion", 2025, "office-rent", "办公场地租赁"));
        return (content, Path.Combine(root, "site"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Build_leaves_drafts_out_unless_asked_and_a_drafts_errors_never_stop_it(bool drafts)
    {
        var (content, output) = SiteWithDrafts();
        var result = new SiteBuilder(new BuildOptions(content, Repo.Templates, output, NoPdf: true, Drafts: drafts)).Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.IsError).Select(d => DiagnosticWriter.Text(d, "en"))));
        Assert.Equal(0, result.Errors);
        Assert.Contains(result.Diagnostics, d => d.Draft && d.Code == "PD0002" && d.Where.File.EndsWith("office-rent.yaml", StringComparison.Ordinal));
        Assert.All(result.Diagnostics.Where(d => d.Where.File.EndsWith("office-rent.yaml", StringComparison.Ordinal)), d => Assert.True(d.Draft));
        Assert.Equal(drafts, File.Exists(Path.Combine(output, Existing, "index.html")));
        Assert.False(Directory.Exists(Path.Combine(output, Scaffolded))); // errors: never published
        Assert.Equal(drafts, File.ReadAllText(Path.Combine(output, "data", "forms.json")).Contains("office-equipment-purchase", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_output_never_holds_the_staff_panel_or_anything_of_serve()
    {
        var (content, output) = SiteWithDrafts();
        var form = Path.Combine(content, "forms", "sz-futian-investment-promotion", "2024", "integrated-information-service-platform.yaml");
        Assert.Contains("31.履职类项目", File.ReadAllText(form)); // a form with a warning (PD0007), published
        var result = new SiteBuilder(new BuildOptions(content, Repo.Templates, output, NoPdf: true, Drafts: true)).Build();
        Assert.True(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "PD0007");

        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".woff2", StringComparison.Ordinal)).ToList();
        Assert.Contains(files, f => f.EndsWith(Path.Combine("integrated-information-service-platform", "index.html"), StringComparison.Ordinal));
        Assert.All(files, f =>
        {
            var text = File.ReadAllText(f);
            Assert.DoesNotContain(StaffPages.Marker, text);
            Assert.DoesNotContain(PreviewServer.Prefix, text);
            Assert.DoesNotContain(Theme.ThemeStrings.Builtin["staff.panel"], text);
        });
    }

    [Theory]
    [InlineData("text", "office-rent.yaml:7:1: draft-error PD0002: ")]
    [InlineData("json", "\"draft\": true")]
    [InlineData("github", "::notice file=")]
    [InlineData("sarif", "\"level\": \"note\"")]
    public void Check_lists_a_drafts_findings_as_drafts_in_every_format(string format, string expected)
    {
        var (content, _) = SiteWithDrafts();
        var (_, diagnostics) = new SiteBuilder(new BuildOptions(content, Repo.Templates)).Check();
        var drafts = diagnostics.Where(d => d.Where.File.EndsWith("office-rent.yaml", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(drafts);
        Assert.All(drafts, d => Assert.False(d.IsError));
        using var output = new StringWriter();
        DiagnosticWriter.Write(output, drafts, format, "en");
        Assert.Contains(expected, output.ToString().Replace("\\u0022", "\"", StringComparison.Ordinal));
        if (format == "sarif")
        {
            Assert.Matches("\"draft\":\\s*true", output.ToString());
        }

        if (format == "json")
        {
            Assert.Contains("\"severity\": \"draft-error\"", output.ToString());
        }
    }
}
