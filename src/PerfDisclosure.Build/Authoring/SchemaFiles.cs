using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation.Rules.Schema;

namespace PerfDisclosure.Build.Authoring;

/// <summary>Writes the schemas of theme files (layout, framework, scoring) and of each layout's form files into a templates folder (<c>templates/schemas/</c>), where the files point.</summary>
public static class SchemaFiles
{
    /// <summary>Generates the theme file schemas and every layout's schema into <c>&lt;templatesDir&gt;/schemas/</c>; returns the files written.</summary>
    public static IReadOnlyList<string> Write(string templatesDir)
    {
        if (!Directory.Exists(templatesDir) && !File.Exists(templatesDir))
        {
            // Not made here: a mistyped --templates would leave a stray folder of schemas no content points to.
            throw new Reporting.BilingualIOException($"找不到模板文件夹：{templatesDir}（JSON Schema 文件写入它的 {LayoutSchema.Folder} 文件夹）", $"templates folder not found: {templatesDir} (schemas are written into its {LayoutSchema.Folder} folder)");
        }

        var diagnostics = new DiagnosticBag();
        var layouts = ContentLoader.LoadLayouts(new ThemeFiles(templatesDir), diagnostics);
        if (diagnostics.ToList().FirstOrDefault(d => d.IsError) is { } error)
        {
            throw new ContentException(error);
        }

        var folder = Path.Combine(templatesDir, LayoutSchema.Folder);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        var themeFiles = ThemeFileSchema.All.Select(ThemeFileSchema.FileName).ToList();
        if (layouts.Values.FirstOrDefault(l => themeFiles.Contains(LayoutSchema.FileName(l.Id))) is { } clash)
        {
            // Not overwritten one by the other: the layout's form schema and a theme file schema would share a name.
            var at = clash.Places.TryGetValue("id", out var place) ? place : SourceSpan.FileOnly(templatesDir);
            throw new ContentException(SchemaRules.BadLayoutDefinition.Report(at, $"版式 id“{clash.Id}”与主题文件的模式 {LayoutSchema.FileName(clash.Id)} 同名", $"The layout id '{clash.Id}' would share {LayoutSchema.FileName(clash.Id)} with the schema of {clash.Id} files", new("另选一个 id", "choose another id")));
        }

        foreach (var schema in ThemeFileSchema.All)
        {
            var path = Path.Combine(folder, ThemeFileSchema.FileName(schema));
            File.WriteAllBytes(path, ThemeFileSchema.Bytes(schema));
            written.Add(path);
        }

        foreach (var layout in layouts.Values.OrderBy(l => l.Id, StringComparer.Ordinal))
        {
            var path = Path.Combine(folder, LayoutSchema.FileName(layout.Id));
            File.WriteAllBytes(path, LayoutSchema.Bytes(layout));
            written.Add(path);
        }

        return written;
    }
}
