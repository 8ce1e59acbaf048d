namespace PerfDisclosure.Build.Authoring;

/// <summary>Organisation ids and form slugs: lower-case ASCII letters, digits and '-' (docs/content-format.md).</summary>
public static class Identifiers
{
    public static bool IsValid(string id) =>
        id.Length > 0 && id[0] != '-' && id[^1] != '-' && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
