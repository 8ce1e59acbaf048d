using System.CommandLine;

namespace PerfDisclosure.Cli;

/// <summary>
/// Runs a command line. A line that does not parse exits 2 (the command could not run), not 1 (content errors).
/// Whatever a command does not handle itself ends here as one line and exit 2, never a stack trace; with
/// <see cref="DebugVariable"/>=1 the full exception is printed too, so a real bug stays findable.
/// </summary>
public static class Invocation
{
    /// <summary>Set to 1 to print the stack trace of an unexpected failure.</summary>
    public const string DebugVariable = "PERFDISCLOSURE_DEBUG";

    public static int Run(string[] args) => Run(Commands.Root(), args);

    /// <summary>Runs a command line against these commands (the tests give their own, to see what reaches the user).</summary>
    public static int Run(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        var errors = parse.Errors.Select(e => Flat(e.Message)).ToList();
        errors.AddRange(UnknownOptions(parse).Where(o => !errors.Any(e => e.Contains($"'{o}'", StringComparison.Ordinal))).Select(o => $"unknown option '{o}' (a file or folder whose name starts with '-' is written ./{o}, or after --)"));
        if (errors.Count > 0)
        {
            // One line, however many mistakes: an unknown option and its value are two errors to the parser.
            var command = parse.CommandResult.Command is RootCommand ? "perfdisclosure" : $"perfdisclosure {parse.CommandResult.Command.Name}";
            Console.Error.WriteLine($"error: {string.Join("; ", errors)} ({command} --help lists what it takes)");
            return Commands.CannotRun;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            Console.Error.WriteLine(Build.Reporting.TerminalText.Escape(OneLine(e))); // a path or message may quote content
            if (Environment.GetEnvironmentVariable(DebugVariable) == "1")
            {
                Console.Error.WriteLine(e);
            }

            return Commands.CannotRun;
        }
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
    /// The line a user sees: the first cause's message (parallel stages wrap it) — for a failure of the machine
    /// (I/O, permissions), a refused output path or a content diagnostic as it is; anything else is marked as a
    /// fault of the tool, with how to see more.
    /// </summary>
    public static string OneLine(Exception e)
    {
        var cause = e is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0] : e;
        var message = Flat(cause.Message);
        return cause switch
        {
            Core.Diagnostics.ContentException content => $"error: {Flat(content.Diagnostic.ToString())}",
            IOException or UnauthorizedAccessException or Build.Publishing.OutputPathException => $"error: {message}",
            _ => $"error: internal error ({cause.GetType().Name}: {message}); please report it, with the output of the same command run with {DebugVariable}=1",
        };
    }

    /// <summary>A message on one line: its lines (System.CommandLine lists allowed values one a line) joined by spaces.</summary>
    private static string Flat(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
