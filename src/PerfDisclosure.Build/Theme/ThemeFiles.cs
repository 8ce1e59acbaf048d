using System.Reflection;

namespace PerfDisclosure.Build.Theme;

/// <summary>
/// Template lookup: a file in the site's templates folder wins over the built-in theme file of the same name
/// (docs/templates.md). The built-in theme is this repository's templates/ folder, embedded in the tool.
/// </summary>
public sealed class ThemeFiles
{
    private const string ResourcePrefix = "theme/";
    private static readonly Assembly Assembly = typeof(ThemeFiles).Assembly;
    private readonly SortedDictionary<string, ThemeFile> files = new(StringComparer.Ordinal);

    public ThemeFiles(string? siteTemplatesDir)
    {
        foreach (var resource in Assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..].Replace('\\', '/');
            files[name] = new ThemeFile(name, "builtin:" + name, () => ReadResource(resource));
        }

        if (siteTemplatesDir is not null && File.Exists(siteTemplatesDir))
        {
            // A missing folder means the built-in theme alone; a file in its place is a mistake to report.
            throw new Reporting.BilingualIOException($"模板文件夹的位置上是一个文件：{siteTemplatesDir}", $"templates folder is a file: {siteTemplatesDir}");
        }

        SiteDir = siteTemplatesDir is not null && Directory.Exists(siteTemplatesDir) ? Path.GetFullPath(siteTemplatesDir) : null;
        if (SiteDir is null)
        {
            return;
        }

        // The same walk as content/ (SourceTree): nothing outside the folder, no FIFO or device, is read as a template.
        var tree = Loading.SourceTree.Read(SiteDir);
        Refused = tree.Refused;
        foreach (var (path, name, _) in tree.Files)
        {
            files[name] = new ThemeFile(name, Loading.ContentLoader.DisplayPath(path), () => File.ReadAllBytes(path));
        }
    }

    /// <summary>The links and special files of the site's templates folder that were left out (reported by the loader).</summary>
    public IReadOnlyList<Core.Diagnostics.Diagnostic> Refused { get; } = [];

    /// <summary>The site's own templates folder, when it exists.</summary>
    public string? SiteDir { get; }

    public IEnumerable<ThemeFile> All => files.Values;

    public ThemeFile? Find(string name) => files.GetValueOrDefault(name.Replace('\\', '/').TrimStart('/'));

    /// <summary>Names under a folder with an ending, in ordinal order.</summary>
    public IEnumerable<string> List(string folder, string ending) =>
        files.Keys.Where(k => k.StartsWith(folder, StringComparison.Ordinal) && k.EndsWith(ending, StringComparison.Ordinal));

    /// <summary>A file of the built-in theme, whatever the site's templates folder holds.</summary>
    public static ThemeFile BuiltinFile(string name)
    {
        var resource = ResourcePrefix + name;
        return Assembly.GetManifestResourceInfo(resource) is null
            ? throw new FileNotFoundException($"the built-in theme has no {name}")
            : new ThemeFile(name, "builtin:" + name, () => ReadResource(resource));
    }

    private static byte[] ReadResource(string resource)
    {
        using var stream = Assembly.GetManifestResourceStream(resource)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
