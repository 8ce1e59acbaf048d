using System.CommandLine;
using System.Globalization;
using PerfDisclosure.Build.Reporting;
using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Cli;

/// <summary>
/// Runs a command line. A line that does not parse exits 2 (the command could not run), not 1 (content errors).
/// Whatever a command does not handle itself ends here as one line and exit 2, never a stack trace; with
/// <see cref="DebugVariable"/>=1 the full exception is printed too, so a real bug stays findable. The line is in
/// the command's <c>--lang</c> (<see cref="Language"/>): <c>错误：</c> and Chinese by default, <c>error: </c> and
/// English with <c>--lang en</c>, so CI logs find it by either prefix.
/// </summary>
public static class Invocation
{
    /// <summary>Set to 1 to print the stack trace of an unexpected failure.</summary>
    public const string DebugVariable = "PERFDISCLOSURE_DEBUG";

    /// <summary>The option every command that prints messages has (zh or en).</summary>
    public const string LanguageOption = "--lang";

    public static int Run(string[] args) => Run(Commands.Root(), args);

    /// <summary>Runs a command line against these commands (the tests give their own, to see what reaches the user).</summary>
    public static int Run(RootCommand root, string[] args)
    {
        var parse = Parse(root, args);
        var language = Language(parse);
        if (UsageLine(parse, language) is { } usage)
        {
            Console.Error.WriteLine(TerminalText.Escape(usage));
            return Commands.CannotRun;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            Console.Error.WriteLine(TerminalText.Escape(OneLine(e, language))); // a path or message may quote content
            if (Environment.GetEnvironmentVariable(DebugVariable) == "1")
            {
                Console.Error.WriteLine(e);
            }

            return Commands.CannotRun;
        }
    }

    /// <summary>
    /// The <c>--lang</c> of the parsed command, found by name, so it is known when the command failed: <c>en</c>
    /// when given as en, else <c>zh</c> (the default, also for a line that names no command with the option, or
    /// whose value is refused).
    /// </summary>
    public static string Language(ParseResult parse) =>
        parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == LanguageOption) is { } option
        && parse.GetResult(option) is { Implicit: false, Tokens: [.., var value] }
        && MessageLanguage.IsEnglish(value.Value)
            ? MessageLanguage.English
            : MessageLanguage.Chinese;

    /// <summary>
    /// System.CommandLine words its errors in the UI culture (a machine set to Chinese gets its translations):
    /// parsed in the invariant culture they are English on every machine, shown as they are with <c>--lang en</c>
    /// and quoted as the original in a Chinese line. Help, printed when the command runs, is left as it was.
    /// </summary>
    private static ParseResult Parse(RootCommand root, string[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            return root.Parse(args);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    /// <summary>
    /// One line for every mistake of a command line that does not parse (an unknown option and its value are two
    /// errors to the parser), or null when it parses: the errors the commands word themselves in the language, the
    /// parser's own in English (quoted in Chinese), and where help is.
    /// </summary>
    private static string? UsageLine(ParseResult parse, string language)
    {
        var errors = parse.Errors.Select(e => (Zh: UsageErrors.InChinese(parse, e), En: Flat(e.Message))).ToList();
        errors.AddRange(UnknownOptions(parse)
            .Where(o => !errors.Any(e => e.En.Contains($"'{o}'", StringComparison.Ordinal)))
            .Select(o => ((string?)$"未知选项 {o}（以“-”开头的文件或文件夹名写作 ./{o}，或写在 -- 之后）", $"unknown option '{o}' (a file or folder whose name starts with '-' is written ./{o}, or after --)")));
        if (errors.Count == 0)
        {
            return null;
        }

        var command = parse.CommandResult.Command is RootCommand ? "perfdisclosure" : $"perfdisclosure {parse.CommandResult.Command.Name}";
        var ours = errors.Where(e => e.Zh is not null).Select(e => e.Zh).ToList();
        var theirs = OriginalText.InChinese(string.Join("; ", errors.Where(e => e.Zh is null).Select(e => e.En)));
        return MessageLanguage.In(
            language,
            $"错误：命令行有误{(ours.Count > 0 ? "：" + string.Join("；", ours) : string.Empty)}{theirs}；运行 {command} --help 可查看它接受的写法",
            $"error: {string.Join("; ", errors.Select(e => e.En))} ({command} --help lists what it takes)");
    }

    /// <summary>
    /// Words spelled as options that no option took. System.CommandLine reports them only when nothing else takes
    /// them; an argument of several values (<c>import FILE --output X</c>) takes them as values, so the command would
    /// run with <c>--output</c> as a file name. A value after <c>--</c>, a negative number and a lone <c>-</c> are values.
    /// </summary>
    private static IEnumerable<string> UnknownOptions(ParseResult parse)
    {
        var tokens = parse.Tokens.ToList();
        var doubleDash = tokens.FindIndex(t => t.Type == System.CommandLine.Parsing.TokenType.DoubleDash);
        return parse.CommandResult.Children.OfType<System.CommandLine.Parsing.ArgumentResult>()
            .SelectMany(a => a.Tokens)
            .Where(t => t.Value.Length > 1 && t.Value[0] == '-' && !char.IsAsciiDigit(t.Value[1]) && t.Value[1] != '.')
            .Where(t => doubleDash < 0 || tokens.FindIndex(x => ReferenceEquals(x, t)) is var at && (at < 0 || at < doubleDash))
            .Select(t => t.Value)
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// The line a user sees, in <paramref name="language"/>, for the first cause a user can act on (parallel stages
    /// wrap what failed, a bug and a full disk alike): a content diagnostic at its place, the tool's own words for what
    /// it refused (<see cref="IBilingualException"/>), a failure of the machine (I/O, permissions) worded by
    /// <see cref="SystemFailure"/>; anything else is marked as a fault of the tool, with how to see more.
    /// </summary>
    public static string OneLine(Exception e, string language)
    {
        var cause = e is AggregateException aggregate ? aggregate.Flatten().InnerExceptions.OrderBy(i => Known(i) ? 0 : 1).First() : e;
        var error = MessageLanguage.In(language, "错误：", "error: ");
        return cause switch
        {
            ContentException content => error + DiagnosticWriter.Text(content.Diagnostic, language),
            _ when Known(cause) => error + Flat(SystemFailure.In(cause, language)),
            _ => MessageLanguage.In(
                language,
                $"错误：程序内部出错，请报告这个问题，并附上设置 {DebugVariable}=1 后运行同一命令的输出{OriginalText.InChinese($"{cause.GetType().Name}: {Flat(cause.Message)}")}",
                $"error: internal error ({cause.GetType().Name}: {Flat(cause.Message)}); please report it, with the output of the same command run with {DebugVariable}=1"),
        };
    }

    /// <summary>A failure the user can act on, not a bug: the content's, the tool's refusal, the machine's.</summary>
    private static bool Known(Exception e) => e is ContentException or IBilingualException or IOException or UnauthorizedAccessException;

    /// <summary>A message on one line: its lines (System.CommandLine lists allowed values one a line) joined by spaces.</summary>
    private static string Flat(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
