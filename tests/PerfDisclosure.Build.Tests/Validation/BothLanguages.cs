using System.Text.RegularExpressions;
using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Tests.Validation;

/// <summary>
/// What every finding's message must hold, whatever its code: Chinese words in the Chinese message, English words in
/// the English one (besides the values it quotes), the two different, each value the Chinese message quotes also in
/// the English one, no untranslated parser text, and not the file's name (the writer prints the place once).
/// </summary>
public static partial class BothLanguages
{
    public static void Said(Diagnostic d, string? file = null)
    {
        Assert.Matches(Han(), d.Message); // Chinese words, not only values
        Assert.Matches(EnglishWords(), " " + Han().Replace(d.MessageEn, " ") + " "); // English words besides the quoted values
        Assert.NotEqual(d.Message, d.MessageEn);
        Assert.DoesNotContain("While scanning", d.Message, StringComparison.Ordinal);
        if (file is not null)
        {
            Assert.DoesNotContain(Path.GetFileName(file), d.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Path.GetFileName(file), d.MessageEn, StringComparison.Ordinal);
        }

        // The same values in both: each one the Chinese message quotes is in the English one.
        Assert.All(Quoted().Matches(d.Message).Select(m => m.Groups[1].Value), v => Assert.Contains(v, d.MessageEn, StringComparison.Ordinal));
    }

    /// <summary>
    /// Stricter: no English sentence in the Chinese message (three English words in a row, outside its quoted values).
    /// Not part of <see cref="Said"/> yet: the YAML parser's fallback text, Scriban's and the system's error text still
    /// reach the Chinese message of some findings.
    /// </summary>
    public static void NoEnglishSentenceIn(Diagnostic d) => Assert.DoesNotMatch(EnglishPhrase(), Quoted().Replace(d.Message, string.Empty));

    [GeneratedRegex("“([^”]+)”")]
    private static partial Regex Quoted();

    /// <summary>Three English words in a row: a sentence, not a value, an option or a file name.</summary>
    [GeneratedRegex(@"\b[A-Za-z][a-z]+ [a-z]{2,} [a-z]{2,}\b")]
    private static partial Regex EnglishPhrase();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{2,}")]
    public static partial Regex Han();

    [GeneratedRegex(@"(^|\s)[a-z]{2,}([\s:,.;]|$)")]
    public static partial Regex EnglishWords();
}
