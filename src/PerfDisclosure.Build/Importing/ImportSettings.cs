using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Frameworks;
using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Build.Importing;

/// <summary>
/// What the importer knows besides the table: the layouts, their frameworks (indicator names and wording hints), the printed labels that
/// hold no value (<c>templates/import/&lt;layout&gt;.yaml</c>), and the organisations to match printed names against.
/// </summary>
public sealed record ImportSettings(
    IReadOnlyDictionary<string, LayoutDefinition> Layouts,
    IReadOnlyDictionary<string, IndicatorFramework> Frameworks,
    IReadOnlyDictionary<string, IReadOnlySet<string>> PrintedLabels,
    IReadOnlyDictionary<string, Organisation> Organisations,
    int? Year)
{
    /// <summary>
    /// Titles a layout's forms print besides the layout's own title (<c>titles:</c> of <c>templates/import/&lt;layout&gt;.yaml</c>),
    /// where <c>{year}</c> stands for the form's year: <c>{year}年项目支出绩效目标申报表</c>, <c>部门预算项目支出绩效自评表({year}年度)</c>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Titles { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// The words each layout's indicator table prints over its three name columns (<c>level_headers:</c> of
    /// <c>templates/import/&lt;layout&gt;.yaml</c>), normalised, each with the name column it heads.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> LevelHeaders { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>The name column (<see cref="IndicatorPlacer.Level1"/> …) a header cell of the layout's indicator table heads, or null.</summary>
    public string? LevelOf(string layout, string normalised) =>
        LevelHeaders.TryGetValue(layout, out var headers) && headers.TryGetValue(normalised, out var level) ? level : null;

    /// <summary>The forms already in content/, to update instead of writing a second copy.</summary>
    public IReadOnlyList<Core.Forms.Form> ExistingForms { get; init; } = [];

    /// <summary>Whether a printed organisation name not found is created as a new organisation file (else reported, with the file suggested).</summary>
    public bool CreateOrganisations { get; init; } = true;

    /// <summary>Organisations this run creates, by printed name (normalised): one id for every form that prints the name.</summary>
    public Dictionary<string, Organisation> NewOrganisations { get; } = new(StringComparer.Ordinal);

    public static ImportSettings Load(string contentDir, string? templatesDir, int? year)
    {
        if (year is { } given && !FormYears.Contains(given))
        {
            // The bounds loading checks (PD0009): import never writes a form the build then refuses.
            throw new ContentException(new Diagnostic(Core.Validation.Rules.Schema.SchemaRules.YearOutOfRange.Code, Severity.Error, SourceSpan.FileOnly("--year"), $"年度 {given} 不在 {FormYears.Min}–{FormYears.Max} 之间", "--year: " + FormYears.Describe(given)));
        }

        var theme = new ThemeFiles(templatesDir);
        var diagnostics = new DiagnosticBag();
        var layouts = ContentLoader.LoadLayouts(theme, diagnostics);
        var frameworks = ValidationDataReader.Read(theme, layouts.Values, diagnostics).Frameworks;
        if (diagnostics.ToList().FirstOrDefault(d => d.IsError) is { } error)
        {
            throw new ContentException(error);
        }

        // A folder not made yet is an empty site: import makes what it writes.
        var loaded = Directory.Exists(contentDir) ? ContentLoader.Load(contentDir, theme) : null;
        var strings = Theme.ThemeStrings.Load(theme, diagnostics);
        var printed = layouts.Keys.ToDictionary(id => id, id => PrintedLabelsOf(theme, id), StringComparer.Ordinal);
        return new ImportSettings(layouts, frameworks, printed, loaded?.Organisations ?? new Dictionary<string, Organisation>(), year)
        {
            ExistingForms = loaded?.Forms ?? [],
            Titles = layouts.Keys.ToDictionary(id => id, id => TitlesOf(theme, id), StringComparer.Ordinal),
            LevelHeaders = layouts.Values.ToDictionary(l => l.Id, l => LevelHeadersOf(theme, l, strings), StringComparer.Ordinal),
        };
    }

    private static IReadOnlySet<string> PrintedLabelsOf(ThemeFiles theme, string layout) =>
        ListOf(theme, layout, "printed_labels").Select(Labels.Normalise).ToHashSet(StringComparer.Ordinal);

    private static IReadOnlyList<string> TitlesOf(ThemeFiles theme, string layout) => ListOf(theme, layout, "titles");

    /// <summary>The headers the layout prints over its name columns (what its page prints: <see cref="Theme.ThemeStrings.LevelLabel"/>), and the other wordings its import file lists.</summary>
    private static IReadOnlyDictionary<string, string> LevelHeadersOf(ThemeFiles theme, LayoutDefinition layout, Theme.ThemeStrings strings)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var level in new[] { IndicatorPlacer.Level1, IndicatorPlacer.Level2, IndicatorPlacer.Level3 })
        {
            foreach (var text in ListOf(theme, layout.Id, "level_headers", level).Prepend(strings.LevelLabel(layout, level)))
            {
                headers.TryAdd(Labels.Normalise(text), level);
            }
        }

        return headers;
    }

    /// <summary>A list of texts from <c>templates/import/&lt;layout&gt;.yaml</c>, under its keys in turn; empty when the file or a key is missing.</summary>
    private static List<string> ListOf(ThemeFiles theme, string layout, params string[] keys)
    {
        var texts = new List<string>();
        if (theme.Find($"import/{layout}.yaml") is not { } file)
        {
            return texts;
        }

        var diagnostics = new DiagnosticBag();
        var reader = new NodeReader(file.DisplayPath, diagnostics);
        YamlNode? at = reader.Mapping(Yaml.Parse(file.DisplayPath, file.ReadText()), "import");
        foreach (var parent in keys[..^1])
        {
            at = at is YamlMappingNode mapping ? LayoutReader.Child(mapping, parent) : null;
        }

        var key = keys[^1];
        if (at is YamlMappingNode root)
        {
            foreach (var node in reader.Sequence(LayoutReader.Child(root, key), key)?.Children ?? [])
            {
                if (reader.Text(node, key) is { } text)
                {
                    texts.Add(text);
                }
            }
        }

        return texts;
    }
}
