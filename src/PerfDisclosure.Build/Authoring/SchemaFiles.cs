using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Authoring;

/// <summary>Writes the layouts' schemas into a templates folder (<c>templates/schemas/</c>), where content files point.</summary>
public static class SchemaFiles
{
    /// <summary>Generates every layout's schema into <c>&lt;templatesDir&gt;/schemas/</c>; returns the files written.</summary>
    public static IReadOnlyList<string> Write(string templatesDir)
    {
        if (!Directory.Exists(templatesDir) && !File.Exists(templatesDir))
        {
            // Not made here: a mistyped --templates would leave a stray folder of schemas no content points to.
            throw new DirectoryNotFoundException($"templates folder not found: {templatesDir} (schemas are written into its {LayoutSchema.Folder}/ folder)");
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
        foreach (var layout in layouts.Values.OrderBy(l => l.Id, StringComparer.Ordinal))
        {
            var path = Path.Combine(folder, LayoutSchema.FileName(layout.Id));
            File.WriteAllBytes(path, LayoutSchema.Bytes(layout));
            written.Add(path);
        }

        return written;
    }
}
