using NJsonSchema;
using NJsonSchema.Validation;
using PerfDisclosure.Build.Authoring;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Authoring;

/// <summary>
/// The JSON Schemas of layout, framework and scoring files are generated from the shapes the loader checks, committed
/// under templates/schemas/, and every seed theme file points at its schema and validates against it.
/// </summary>
public class ThemeFileSchemaTests
{
    private const string Marker = "# yaml-language-server: $schema=";

    public static TheoryData<string> ThemeFiles() =>
        [.. new[] { "layouts/forms", "frameworks", "scoring" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(Repo.Templates, d), "*.yaml")).Select(p => Path.GetRelativePath(Repo.Templates, p)).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_committed_theme_file_schemas_are_those_the_shapes_generate()
    {
        Assert.Equal(["layout", "framework", "scoring", "import"], ThemeFileSchema.All.Select(s => s.Name));
        foreach (var schema in ThemeFileSchema.All)
        {
            var committed = Path.Combine(Repo.Templates, LayoutSchema.Folder, ThemeFileSchema.FileName(schema));
            Assert.True(File.Exists(committed), $"{committed} is missing: run `perfdisclosure schemas`");
            Assert.True(ThemeFileSchema.Text(schema) == File.ReadAllText(committed), $"{committed} is out of date: run `perfdisclosure schemas`");
        }
    }

    [Theory]
    [MemberData(nameof(ThemeFiles))]
    public async Task Every_seed_theme_file_validates_against_the_schema_it_points_at(string relative)
    {
        var path = Path.Combine(Repo.Templates, relative);
        var text = File.ReadAllText(path);
        var first = text.Split('\n')[0];
        Assert.StartsWith(Marker, first);
        var schemaPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, first[Marker.Length..].Trim()));
        var kind = relative.Split('/')[0] switch { "layouts" => "layout", "frameworks" => "framework", _ => "scoring" };
        Assert.Equal(Path.Combine(Repo.Templates, LayoutSchema.Folder, kind + ".schema.json"), schemaPath);

        var schema = await JsonSchema.FromFileAsync(schemaPath, TestContext.Current.CancellationToken);
        Assert.Empty(schema.Validate(YamlAsJson.Read(text)).Select(e => $"{relative}: {e.Path} {e.Kind} (line {e.LineNumber})"));
    }

    [Theory]
    [InlineData("layout", "kind: self-evalution\n", "kind")]
    [InlineData("layout", "landscap: true\n", "landscap")]
    [InlineData("layout", "fields:\n  - {key: unit, type: organisaton}\n", "type")]
    [InlineData("layout", "fields:\n  - {key: Unit}\n", "key")]
    [InlineData("layout", "amount_unit: 万圆\n", "amount_unit")]
    [InlineData("framework", "skeletn: [产出指标]\n", "skeletn")]
    [InlineData("scoring", "rounding: {decimals: 2, mode: truncat}\n", "mode")]
    [InlineData("scoring", "total_weight: 一百\n", "total_weight")]
    public async Task An_editor_flags_what_the_loader_reports(string kind, string yaml, string property)
    {
        var schema = await JsonSchema.FromJsonAsync(ThemeFileSchema.Text(ThemeFileSchema.All.Single(s => s.Name == kind)), TestContext.Current.CancellationToken);
        var errors = Flatten(schema.Validate(YamlAsJson.Read(yaml))).ToList();
        Assert.True(errors.Any(e => e.Property == property || e.Path?.EndsWith("." + property, StringComparison.Ordinal) == true), string.Join("; ", errors.Select(e => $"{e.Path} {e.Property} {e.Kind}")));
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e switch
        {
            ChildSchemaValidationError child => [e, .. Flatten(child.Errors.SelectMany(x => x.Value))],
            MultiTypeValidationError multi => [e, .. Flatten(multi.Errors.SelectMany(x => x.Value))],
            _ => new[] { e },
        });
}
