namespace PerfDisclosure.Core.Diagnostics;

/// <summary>
/// The language a message is printed in, as <c>--lang</c> names it: Chinese (<c>zh</c>, the default) or English
/// (<c>en</c>). One test for every writer, so a diagnostic, its fix and the line that ends a command agree.
/// </summary>
public static class MessageLanguage
{
    public const string Chinese = "zh";

    public const string English = "en";

    public static bool IsEnglish(string? language) => language is not null && language.StartsWith(English, StringComparison.OrdinalIgnoreCase);

    /// <summary>The text in <paramref name="language"/>, written Chinese first like every message of the code base.</summary>
    public static string In(string? language, string zh, string en) => IsEnglish(language) ? en : zh;
}
