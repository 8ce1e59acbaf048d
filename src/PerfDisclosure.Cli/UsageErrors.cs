using System.CommandLine.Parsing;
using System.Runtime.CompilerServices;
using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Cli;

/// <summary>
/// The usage errors the commands find themselves (a shard folder spelled as an option, a port out of range, a
/// <c>--shard</c> that is not K/N), in Chinese and English like every message of the tool. System.CommandLine keeps
/// one text per error: it is given the English, and the Chinese is kept beside the result it was added to, for
/// the line <see cref="Invocation"/> prints. An error System.CommandLine finds itself has its English only.
/// </summary>
internal static class UsageErrors
{
    /// <summary>By the parse's root result (a custom parser's error is reported on a result other than the one it was given), then by the English.</summary>
    private static readonly ConditionalWeakTable<SymbolResult, Dictionary<string, string>> Chinese = [];

    public static void Add(SymbolResult result, string zh, string en)
    {
        lock (Chinese)
        {
            Chinese.GetOrCreateValue(Root(result))[en] = zh;
        }

        result.AddError(en);
    }

    /// <summary>An exception's message as the error: in both languages when the tool worded it (<see cref="IBilingualException"/>).</summary>
    public static void Add(SymbolResult result, Exception e)
    {
        if (e is IBilingualException bilingual)
        {
            Add(result, bilingual.MessageZh, bilingual.MessageEn);
        }
        else
        {
            result.AddError(e.Message);
        }
    }

    /// <summary>The Chinese of an error a command added while <paramref name="parse"/> was made, or null for System.CommandLine's own (English only).</summary>
    public static string? InChinese(System.CommandLine.ParseResult parse, ParseError error)
    {
        lock (Chinese)
        {
            return Chinese.TryGetValue(parse.RootCommandResult, out var texts) && texts.TryGetValue(error.Message, out var zh) ? zh : null;
        }
    }

    private static SymbolResult Root(SymbolResult result)
    {
        while (result.Parent is { } parent)
        {
            result = parent;
        }

        return result;
    }
}
