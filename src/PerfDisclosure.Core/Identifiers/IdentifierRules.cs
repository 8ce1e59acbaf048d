using System.Globalization;
using System.Text;
using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Identifiers;

/// <summary>What is wrong with an id or slug, in both languages, with the spelling to use instead when one exists.</summary>
public sealed record IdentifierProblem(string Message, string MessageEn, SuggestedFix? Fix);

/// <summary>
/// Ids and slugs come from file names and become folders of the site, so they must be names every file system,
/// URL and reader treats the same: lower-case ASCII letters, digits and single hyphens, not too long, not a
/// name Windows reserves, and no look-alike Unicode (a Cyrillic "а" would publish a second,
/// different-looking-identical address).
/// </summary>
public static class IdentifierRules
{
    public const int MaxLength = 80;

    private static readonly System.Buffers.SearchValues<char> Allowed = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    // Names Windows refuses as files or folders, whatever their extension; a site must copy to any machine.
    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "con", "prn", "aux", "nul",
        "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    };

    /// <summary>
    /// Checks an id or slug. Whether an organisation id collides with a folder of the site itself is a validation
    /// rule (PD0506), which knows the site's folders.
    /// </summary>
    /// <returns>Null when the name is fine.</returns>
    public static IdentifierProblem? Check(string name)
    {
        if (name.Length == 0)
        {
            return new("名称为空", "The name is empty", null);
        }

        var foreign = name.FirstOrDefault(c => c > 0x7F);
        if (foreign != default)
        {
            var suggestion = Suggest(name);
            return new(
                $"名称含非 ASCII 字符“{foreign}”(U+{(int)foreign:X4})，可能是形似字母",
                $"The name contains the non-ASCII character '{foreign}' (U+{(int)foreign:X4}), possibly a look-alike letter",
                suggestion is null ? new("只用小写英文字母、数字和“-”", "use lower-case ASCII letters, digits and '-'") : new($"改名为“{suggestion}”", $"rename to '{suggestion}'"));
        }

        if (name.Any(char.IsAsciiLetterUpper))
        {
            return new("名称只能用小写字母", "The name must be lower-case", new($"改名为“{name.ToLowerInvariant()}”", $"rename to '{name.ToLowerInvariant()}'"));
        }

        var bad = name.AsSpan().IndexOfAnyExcept(Allowed);
        if (bad >= 0)
        {
            var shown = char.IsControl(name[bad]) ? $"U+{(int)name[bad]:X4}" : name[bad].ToString();
            return new($"名称含不允许的字符“{shown}”", $"The name contains '{shown}', which is not allowed", new("只用小写英文字母、数字和“-”", "use lower-case ASCII letters, digits and '-'"));
        }

        if (name[0] == '-' || name[^1] == '-' || name.Contains("--", StringComparison.Ordinal))
        {
            return new("名称不能以 - 开头或结尾，也不能含 --", "The name may not start or end with '-' or contain '--'", null);
        }

        if (name.Length > MaxLength)
        {
            return new($"名称长 {name.Length} 个字符，上限为 {MaxLength}", $"The name is {name.Length} characters long; the limit is {MaxLength}", null);
        }

        if (DeviceNames.Contains(name))
        {
            return new($"名称“{name}”为保留名称", $"'{name}' is a reserved name", new($"改名为“{name}-1”或更具体的名称", $"rename to '{name}-1' or a more specific name"));
        }

        return null;
    }

    /// <summary>The ASCII spelling of a name typed with full-width or look-alike letters, when every character has one.</summary>
    private static string? Suggest(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            var ascii = c <= 0x7F ? c : LookAlikes.GetValueOrDefault(c);
            if (ascii == default)
            {
                return null;
            }

            builder.Append(char.ToLowerInvariant(ascii));
        }

        var suggestion = builder.ToString();
        return Check(suggestion) is null ? suggestion : null;
    }

    // The Cyrillic and Greek letters that print like Latin ones (Unicode's confusables, lower and upper case).
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['а'] = 'a',
        ['е'] = 'e',
        ['о'] = 'o',
        ['р'] = 'p',
        ['с'] = 'c',
        ['у'] = 'y',
        ['х'] = 'x',
        ['і'] = 'i',
        ['ј'] = 'j',
        ['ѕ'] = 's',
        ['һ'] = 'h',
        ['ԁ'] = 'd',
        ['А'] = 'a',
        ['В'] = 'b',
        ['Е'] = 'e',
        ['К'] = 'k',
        ['М'] = 'm',
        ['Н'] = 'h',
        ['О'] = 'o',
        ['Р'] = 'p',
        ['С'] = 'c',
        ['Т'] = 't',
        ['Х'] = 'x',
        ['α'] = 'a',
        ['ο'] = 'o',
        ['ρ'] = 'p',
        ['ν'] = 'v',
        ['τ'] = 't',
        ['ι'] = 'i',
        ['κ'] = 'k',
        ['Α'] = 'a',
        ['Β'] = 'b',
        ['Ε'] = 'e',
        ['Ζ'] = 'z',
        ['Η'] = 'h',
        ['Ι'] = 'i',
        ['Κ'] = 'k',
        ['Μ'] = 'm',
        ['Ν'] = 'n',
        ['Ο'] = 'o',
        ['Ρ'] = 'p',
        ['Τ'] = 't',
        ['Χ'] = 'x',
        ['Υ'] = 'y',
        ['\u2010'] = '-',
        ['\u2011'] = '-',
        ['\u2012'] = '-',
        ['\u2013'] = '-',
        ['\u2212'] = '-',
    };
}
