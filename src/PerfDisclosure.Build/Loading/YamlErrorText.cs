using System.Text.RegularExpressions;
using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Loading;

/// <summary>
/// The YAML parser's errors in words a budget officer acts on, in Chinese and English: the line that is wrong and
/// what to write instead. The parser's own reason (English, and often about the line after the mistake) is read
/// together with the text around the place it reports: a tab in an indentation, a key and its value with no space
/// after the colon, an unquoted value holding ": ", or keys of one mapping not aligned. Anything else keeps the
/// parser's reason after a Chinese lead.
/// </summary>
public static partial class YamlErrorText
{
    /// <summary>The place to report, the messages and the fix for a parser error at <paramref name="at"/>.</summary>
    public static (SourceSpan At, string Zh, string En, SuggestedFix? Fix) Explain(string text, SourceSpan at, string reason)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var from = Math.Max(0, at.Line - 3);
        var to = Math.Min(lines.Length - 1, at.Line);
        if (reason.StartsWith("Duplicate key", StringComparison.Ordinal))
        {
            var key = reason["Duplicate key".Length..].Trim();
            return (at, $"第 {at.Line} 行的键“{key}”在同一层已经出现过：一个键只能写一次，删去其中一处", $"YAML syntax error: {reason}: line {at.Line} repeats a key of its mapping", new("删去两处中的一处：同一层的键只能写一次", "remove one of the two entries: a key may appear once in a mapping"));
        }

        // A tab in an indentation: YAML indents with spaces only (the parser reports the mapping the tab breaks).
        for (var i = Math.Max(0, at.Line - 1); i < lines.Length && (reason.Contains("tab", StringComparison.OrdinalIgnoreCase) || i <= to); i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0)
            {
                return (at with { Line = i + 1, Column = tab + 1 }, $"第 {i + 1} 行用制表符（Tab）缩进：YAML 只能用空格缩进，把 Tab 换成空格，与同一层的键对齐", $"YAML syntax error: line {i + 1} is indented with a tab; YAML indents with spaces only: replace the tab with spaces, aligned with the keys of the same level", new("用空格缩进：YAML 不允许用 Tab 缩进", "indent with spaces: YAML does not allow tabs for indentation"));
            }
        }

        for (var i = to; i >= from; i--)
        {
            if (NoSpaceAfterColon().Match(lines[i]) is { Success: true } m)
            {
                var key = m.Groups["key"].Value;
                return (at with { Line = i + 1, Column = m.Groups["colon"].Index + 1 }, $"第 {i + 1} 行“{key}:”的冒号后缺少空格：在冒号后加一个空格再写值，如 {key}: 值", $"YAML syntax error: line {i + 1} has no space after the colon of '{key}:': write '{key}: value' (a space after the colon)", new($"写成“{key}: ”再接值", $"write '{key}: ' followed by the value"));
            }
        }

        for (var i = to; i >= from; i--)
        {
            if (ColonInValue().Match(lines[i]) is { Success: true } m)
            {
                var (key, value) = (m.Groups["key"].Value, m.Groups["value"].Value.Trim());
                return (at with { Line = i + 1, Column = m.Groups["value"].Index + 1 }, $"第 {i + 1} 行“{key}”的值含有冒号加空格（“: ”），YAML 会把它当成新的键：给整个值加上英文双引号，写成 {key}: \"{value}\"", $"YAML syntax error: the value of '{key}' on line {i + 1} holds ': ', which YAML reads as a new key: put the whole value in double quotes: {key}: \"{value}\"", Suggestions.Write($"{key}: \"{value}\""));
            }
        }

        if (reason.Contains("quoted scalar", StringComparison.Ordinal))
        {
            return (at, $"第 {at.Line} 行的引号没有配对：以英文引号（\" 或 '）开头的值，要在同一个值的末尾用同样的引号结束", $"YAML syntax error: the quote opened on line {at.Line} is never closed: a value that starts with a quote (\" or ') ends with the same quote", new("在值的末尾补上同样的引号，或删去开头的引号", "close the quote at the end of the value, or remove it"));
        }

        if (IndentationReason().IsMatch(reason))
        {
            var line = Math.Clamp(at.Line, 1, Math.Max(1, lines.Length));
            return (at, $"第 {line} 行附近缩进不对：同一层的键要用同样多的空格开头，下一层比上一层多缩进两个空格；检查这一行和上一行的开头空格", $"YAML syntax error near line {line}: the indentation is wrong ({reason}); keys of one level start with the same number of spaces, a nested level two more: check the start of this line and the one above", new("用空格把这个键与同一层的其他键对齐", "align the key with the others of its level, using spaces"));
        }

        return (at, $"第 {at.Line} 行 YAML 语法错误：检查这一行和上一行的缩进（只用空格）、冒号后的空格、引号是否配对{OriginalText.InChinese(reason)}", $"YAML syntax error: {reason}", null);
    }

    // key:value with no space (not a URL, a time or a quoted key), at the start of a line or after "- ".
    [GeneratedRegex(@"^\s*(?:- )?(?<key>[A-Za-z_][A-Za-z0-9_]*)(?<colon>:)(?=[^\s:/])")]
    private static partial Regex NoSpaceAfterColon();

    // key: value where the unquoted value holds ": " or ends in a colon after text.
    [GeneratedRegex(@"^\s*(?:- )?(?<key>[A-Za-z_][A-Za-z0-9_]*): (?<value>(?![""'|>&*!\[{]).*?\S: .*|(?![""'|>&*!\[{]).*?\S:)\s*$")]
    private static partial Regex ColonInValue();

    [GeneratedRegex("mapping|indentation|block end|expected key|simple key|block collection|could not find expected", RegexOptions.IgnoreCase)]
    private static partial Regex IndentationReason();
}
