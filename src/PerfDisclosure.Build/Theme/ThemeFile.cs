namespace PerfDisclosure.Build.Theme;

/// <summary>One file of the theme, from the site's templates folder or the built-in theme.</summary>
/// <param name="Name">Path inside the theme, with '/' separators: <c>layouts/base.sbn-html</c>.</param>
/// <param name="DisplayPath">Where it comes from, for diagnostics: a file path or <c>builtin:…</c>.</param>
public sealed record ThemeFile(string Name, string DisplayPath, Func<byte[]> Read)
{
    public string ReadText() => System.Text.Encoding.UTF8.GetString(Read()).TrimStart('\uFEFF');
}
