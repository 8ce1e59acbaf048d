using System.Text;

namespace PerfDisclosure.Core.Tests.Contract;

/// <summary>One token of a C# file as the contract guard sees it: a string literal (its text as written, holes of an
/// interpolated string included), a bracket or comma, or any other run of code. Comments are dropped.</summary>
public sealed record SourceToken(string Text, bool IsLiteral, int Line);

/// <summary>
/// A small C# tokenizer, enough to tell string literals from code and comments: regular, verbatim (<c>@"…"</c>),
/// interpolated (<c>$"…{…}…"</c>, nested strings inside holes kept with the outer literal), raw (<c>"""…"""</c>)
/// strings and character literals.
/// </summary>
public static class SourceTokens
{
    public static List<SourceToken> Read(string code)
    {
        var tokens = new List<SourceToken>();
        var other = new StringBuilder();
        var line = 1;
        var i = 0;
        void Flush()
        {
            if (other.ToString().Trim() is { Length: > 0 } text)
            {
                tokens.Add(new SourceToken(text, false, line));
            }

            other.Clear();
        }

        while (i < code.Length)
        {
            var c = code[i];
            if (c == '/' && At(code, i + 1) == '/')
            {
                Flush();
                while (i < code.Length && code[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && At(code, i + 1) == '*')
            {
                Flush();
                var end = code.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? code.Length : end + 2;
                line += Count(code, i, end);
                i = end;
            }
            else if (c == '\'')
            {
                var end = i + 1;
                while (end < code.Length && code[end] != '\'')
                {
                    end += code[end] == '\\' ? 2 : 1;
                }

                other.Append(code, i, Math.Min(end + 1, code.Length) - i);
                i = end + 1;
            }
            else if (LiteralStart(code, i) is { } start)
            {
                Flush();
                var end = LiteralEnd(code, i, start);
                tokens.Add(new SourceToken(code[i..end], true, line));
                line += Count(code, i, end);
                i = end;
            }
            else if (c is '(' or ')' or '[' or ']' or '{' or '}' or ',' or ';')
            {
                Flush();
                tokens.Add(new SourceToken(c.ToString(), false, line));
                i++;
            }
            else
            {
                if (c == '\n')
                {
                    Flush();
                    line++;
                }
                else
                {
                    other.Append(c);
                }

                i++;
            }
        }

        Flush();
        return tokens;
    }

    /// <summary>The prefix of a literal starting at <paramref name="i"/> (<c>$@</c>, <c>@</c>, <c>$</c>, empty), or null.</summary>
    private static string? LiteralStart(string code, int i)
    {
        var j = i;
        while (j < code.Length && code[j] is '$' or '@')
        {
            j++;
        }

        var prefix = code[i..j];
        var identifierBefore = i > 0 && (char.IsLetterOrDigit(code[i - 1]) || code[i - 1] == '_');
        return At(code, j) == '"' && (prefix.Length > 0 ? !identifierBefore : true) ? prefix : null;
    }

    private static int LiteralEnd(string code, int i, string prefix)
    {
        var j = i + prefix.Length;
        var quotes = 0;
        while (At(code, j + quotes) == '"')
        {
            quotes++;
        }

        if (quotes >= 3)
        {
            var close = code.IndexOf(new string('"', quotes), j + quotes, StringComparison.Ordinal);
            return close < 0 ? code.Length : close + quotes;
        }

        var verbatim = prefix.Contains('@');
        var interpolated = prefix.Contains('$');
        j++;
        var depth = 0;
        while (j < code.Length)
        {
            var c = code[j];
            if (depth > 0)
            {
                if (LiteralStart(code, j) is { } nested)
                {
                    j = LiteralEnd(code, j, nested);
                    continue;
                }

                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                j++;
            }
            else if (interpolated && c == '{')
            {
                depth += At(code, j + 1) == '{' ? 0 : 1;
                j += At(code, j + 1) == '{' ? 2 : 1;
            }
            else if (!verbatim && c == '\\')
            {
                j += 2;
            }
            else if (c == '"')
            {
                if (verbatim && At(code, j + 1) == '"')
                {
                    j += 2;
                    continue;
                }

                return j + 1;
            }
            else
            {
                j++;
            }
        }

        return code.Length;
    }

    private static char At(string code, int i) => i < code.Length ? code[i] : '\0';

    private static int Count(string code, int from, int to) => code.AsSpan(from, to - from).Count('\n');
}
