using NJsonSchema;
using NJsonSchema.Validation;
using PerfDisclosure.Build.Authoring;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Authoring;

public class LayoutSchemaTests
{
    private static readonly IReadOnlyDictionary<string, Core.Layouts.LayoutDefinition> Layouts =
        ContentLoader.LoadLayouts(new ThemeFiles(Repo.Templates), new DiagnosticBag());

    public static TheoryData<string> FormFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(Repo.Content, "forms"), "*.yaml", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(Repo.Content, p)).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_committed_schemas_are_those_the_layouts_generate()
    {
        Assert.Equal(4, Layouts.Count);
        foreach (var layout in Layouts.Values)
        {
            var committed = Path.Combine(Repo.Templates, "schemas", LayoutSchema.FileName(layout.Id));
            Assert.True(File.Exists(committed), $"{committed} is missing: run `perfdisclosure schemas`");
            Assert.True(LayoutSchema.Text(layout) == File.ReadAllText(committed), $"{committed} is out of date: run `perfdisclosure schemas`");
        }
    }

    [Theory]
    [MemberData(nameof(FormFiles))]
    public async Task Every_content_file_validates_against_the_schema_it_points_at(string relative)
    {
        var path = Path.Combine(Repo.Content, relative);
        var text = File.ReadAllText(path);
        var first = text.Split('\n')[0];
        const string Marker = "# yaml-language-server: $schema=";
        Assert.StartsWith(Marker, first);
        var schemaPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, first[Marker.Length..].Trim()));
        Assert.True(File.Exists(schemaPath), $"{relative} points at {schemaPath}, which does not exist");

        var schema = await JsonSchema.FromFileAsync(schemaPath, TestContext.Current.CancellationToken);
        var errors = schema.Validate(YamlAsJson.Read(text));
        Assert.Empty(errors.Select(e => $"{relative}: {e.Path} {e.Kind} (line {e.LineNumber})"));
    }

    [Fact]
    public async Task A_typo_and_an_unquoted_number_are_flagged()
    {
        var schema = await JsonSchema.FromJsonAsync(LayoutSchema.Text(Layouts["shenzhen-target"]), TestContext.Current.CancellationToken);
        var form = YamlAsJson.Read("""
            layout: shenzhen-target
            year: 2024
            project_nmae: 办公设备采购
            indicators:
              - {level1: 产出指标, level2: 数量指标, level3: 台式电脑, target: 12}
            """);
        var errors = Flatten(schema.Validate(form)).ToList();
        Assert.Contains(errors, e => e.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed && e.Property == "project_nmae");
        Assert.Contains(errors, e => e.Kind == ValidationErrorKind.PropertyRequired && e.Property == "project_name");
        Assert.Contains(errors, e => e.Property == "target");
    }

    [Theory]
    [InlineData("31 履职类项目", true)]
    [InlineData("31.履职类项目", true)] // published so, a warning (PD0007) in the tool, so no error in the editor
    [InlineData("31履职类项目", true)]
    [InlineData("32 履职类项目", false)] // an error (PD0006) in the tool and in the editor
    [InlineData("履职类", false)]
    public async Task An_enumeration_accepts_what_the_tool_accepts(string projectType, bool valid)
    {
        var schema = await JsonSchema.FromJsonAsync(LayoutSchema.Text(Layouts["shenzhen-target"]), TestContext.Current.CancellationToken);
        var errors = Flatten(schema.Validate(YamlAsJson.Read($"project_type: \"{projectType}\"\n"))).Where(e => e.Path?.Contains("project_type", StringComparison.Ordinal) == true || e.Property == "project_type");
        Assert.Equal(valid, !errors.Any());
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child ? [e, .. Flatten(child.Errors.SelectMany(x => x.Value))] : new[] { e });

    [Fact]
    public void The_site_publishes_the_schemas()
    {
        var output = Path.Combine(Repo.TempDir("schemas"), "site");
        var result = new SiteBuilder(new BuildOptions(Repo.Content, Repo.Templates, output)).Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        foreach (var layout in Layouts.Values)
        {
            Assert.Equal(LayoutSchema.Text(layout), File.ReadAllText(Path.Combine(output, "schemas", LayoutSchema.FileName(layout.Id))));
        }
    }
}
