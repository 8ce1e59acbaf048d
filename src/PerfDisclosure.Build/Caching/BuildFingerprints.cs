using System.Security.Cryptography;
using System.Text;
using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Theme;

namespace PerfDisclosure.Build.Caching;

/// <summary>
/// What each page is made of, as hashes: the tool (its code), the theme (every template and asset), and the page's
/// view — what its template is given (<see cref="ViewHash"/>). A page whose fingerprint is unchanged renders to the
/// same bytes, so its cached output can be reused. Nothing else is keyed by hand: an option, a content file or a
/// fact drawn from other forms changes a page only through its view, and so changes its key.
/// </summary>
public sealed class BuildFingerprints
{
    private readonly string common;

    public BuildFingerprints(ThemeFiles theme, bool strict)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, "tool", ToolVersion);
        foreach (var file in theme.All)
        {
            Add(hash, file.Name, file.Read());
        }

        Add(hash, "strict", strict ? "1" : "0");
        common = Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The build's code: the Build assembly's module id changes whenever its code does (deterministic compilation).</summary>
    public static string ToolVersion { get; } = typeof(BuildFingerprints).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>Every file of the theme (its names and bytes) as one hash: what a memory of the last build compares to know the theme is the same.</summary>
    public static string ThemeDigest(ThemeFiles theme)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in theme.All)
        {
            Add(hash, file.Name, file.Read());
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The fingerprint of the output at <paramref name="output"/> rendered from <paramref name="view"/>.</summary>
    public string Of(string output, PageView view)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, "common", common);
        Add(hash, "output", output);
        Add(hash, "template", view.Template);
        ViewHash.Add(hash, view.Globals);
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>The fingerprint of an output other than a page at <paramref name="output"/>, made from <paramref name="inputs"/> alone.</summary>
    public string Of(string output, object inputs)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, "common", common);
        Add(hash, "output", output);
        Add(hash, "inputs", inputs.GetType().FullName);
        ViewHash.Add(hash, inputs);
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>Adds a named value to a hash, its length first, so that no two sequences of values hash alike.</summary>
    internal static void Add(IncrementalHash hash, string name, string? value) => Add(hash, name, Encoding.UTF8.GetBytes(value ?? string.Empty));

    internal static void Add(IncrementalHash hash, string name, byte[] value)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(name));
        hash.AppendData(BitConverter.GetBytes(value.Length));
        hash.AppendData(value);
    }
}
