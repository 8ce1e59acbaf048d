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
        NoEnglishSentenceIn(d);
        FixSaidInEach(d);
    }

    /// <summary>
    /// A finding's fix, where it has one, in each language: Chinese words and no English sentence in the Chinese one
    /// (three English words in a row, outside its quoted values), and no Chinese in the English one besides the input
    /// it quotes: values in quotes, YAML examples in brackets, a YAML line <c>key: value</c> to write.
    /// </summary>
    public static void FixSaidInEach(Diagnostic d)
    {
        if (d.Fix is not { } fix)
        {
            return;
        }

        Assert.Matches(Han(), fix.Zh);
        Assert.DoesNotMatch(EnglishPhrase(), QuotedInput().Replace(fix.Zh, " "));
        Assert.Matches(EnglishWords(), " " + QuotedInput().Replace(fix.En, " ") + " ");
        Assert.DoesNotMatch(AnyHan(), QuotedInput().Replace(fix.En, " "));
        Assert.NotEqual(fix.Zh, fix.En);
    }

    /// <summary>
    /// No English sentence in the Chinese message (three English words in a row, outside its quoted values): another
    /// program's own text (the YAML parser's, Scriban's, the system's) is quoted after a Chinese explanation, never bare.
    /// </summary>
    public static void NoEnglishSentenceIn(Diagnostic d) => Assert.DoesNotMatch(EnglishPhrase(), Quoted().Replace(d.Message, string.Empty));

    [GeneratedRegex("“([^”]+)”")]
    private static partial Regex Quoted();

    /// <summary>What a fix quotes from the input: “…”, '…' (not an apostrophe), "…", […], {…}, or a YAML line <c>key: value</c> to its end.</summary>
    [GeneratedRegex(@"“[^”]*”|(?<![A-Za-z])'[^']*'(?![A-Za-z])|""[^""]*""|\[[^\]]*\]|\{[^}]*\}|[A-Za-z_][A-Za-z0-9_.\[\]-]*: [^，；。,;]*$")]
    private static partial Regex QuotedInput();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex AnyHan();

    /// <summary>Three English words in a row: a sentence, not a value, an option or a file name.</summary>
    [GeneratedRegex(@"\b[A-Za-z][a-z]+ [a-z]{2,} [a-z]{2,}\b")]
    private static partial Regex EnglishPhrase();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{2,}")]
    public static partial Regex Han();

    [GeneratedRegex(@"(^|\s)[a-z]{2,}([\s:,.;]|$)")]
    public static partial Regex EnglishWords();
}
