using System.Security.Cryptography;
using System.Text;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Theme;

namespace PerfDisclosure.Build.Caching;

/// <summary>
/// What each page is made of, as hashes: the tool (its code), the theme (every template and asset), the content
/// that every page may show (site.yaml, organisations, free pages, build options) and the form files a page shows.
/// A page whose fingerprint is unchanged renders to the same bytes, so its cached output can be reused.
/// </summary>
public sealed class BuildFingerprints
{
    private readonly string common;
    private readonly Dictionary<string, string> forms;

    public BuildFingerprints(BuildOptions options, ThemeFiles theme, SiteModel site)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, "tool", ToolVersion);
        foreach (var file in theme.All)
        {
            Add(hash, file.Name, file.Read());
        }

        foreach (var path in SharedContent(options.ContentDir))
        {
            Add(hash, Path.GetRelativePath(options.ContentDir, path).Replace('\\', '/'), File.ReadAllBytes(path));
        }

        Add(hash, "options", $"{options.BaseUrl}|{options.Strict}|{Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH")}");
        common = Convert.ToHexString(hash.GetHashAndReset());
        // The hashes of the bytes the forms were loaded from: a file saved again mid-build cannot give a page
        // rendered from its old text the key of its new one.
        forms = site.Forms.ToDictionary(f => f.Form.Id, f => site.Content.FormHashes[f.Form.File], StringComparer.Ordinal);
    }

    /// <summary>The build's code: the Build assembly's module id changes whenever its code does (deterministic compilation).</summary>
    public static string ToolVersion { get; } = typeof(BuildFingerprints).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>The fingerprint of an output made from the given forms (none for a page that lists no form) and derived facts.</summary>
    public string Of(string output, IEnumerable<FormEntry> shown, string derived = "")
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, "common", common);
        Add(hash, "output", output);
        Add(hash, "derived", derived);
        foreach (var entry in shown)
        {
            Add(hash, entry.Form.Id, forms[entry.Form.Id]);
        }

        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>Content files other than forms: site settings, organisations and free pages, which any page may show.</summary>
    private static IEnumerable<string> SharedContent(string contentDir) =>
        Loading.SourceTree.Read(contentDir).Files.Where(f => !f.Name.StartsWith("forms/", StringComparison.Ordinal)).Select(f => f.Path);

    /// <summary>Adds a named value to a hash, its length first, so that no two sequences of values hash alike.</summary>
    internal static void Add(IncrementalHash hash, string name, string? value) => Add(hash, name, Encoding.UTF8.GetBytes(value ?? string.Empty));

    internal static void Add(IncrementalHash hash, string name, byte[] value)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(name));
        hash.AppendData(BitConverter.GetBytes(value.Length));
        hash.AppendData(value);
    }
}
