using System.CommandLine;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Cli.Tests;

/// <summary>A bug no command expected still reaches the user as one line and exit 2; PERFDISCLOSURE_DEBUG=1 shows where it was.</summary>
[Collection(nameof(ConsoleCollection))]
public class InvocationTests
{
    public static TheoryData<string> Failures => ["a bug", "a bug in a parallel stage", "a disk error", "a refused output path", "an async command's bug"];

    [Theory]
    [MemberData(nameof(Failures))]
    public void An_unexpected_failure_is_one_line_and_exit_2_without_a_stack_trace(string failure)
    {
        var (code, output, error) = Run(failure, debug: false);

        Assert.Equal(Commands.CannotRun, code);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        if (failure == "a disk error")
        {
            Assert.Equal("error: No space left on device : '/data/site/x.html'", line.TrimEnd());
        }
        else if (failure == "a refused output path")
        {
            Assert.Equal("error: refusing to write outside the site: '../x.html'", line.TrimEnd());
        }
        else
        {
            Assert.StartsWith("error: internal error (InvalidOperationException: the form index lost form 7 of 9)", line, StringComparison.Ordinal);
            Assert.Contains(Invocation.DebugVariable + "=1", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void With_the_debug_variable_the_stack_trace_follows_the_line()
    {
        var (code, _, error) = Run("a bug", debug: true);

        Assert.Equal(Commands.CannotRun, code);
        Assert.StartsWith("error: internal error (InvalidOperationException", error, StringComparison.Ordinal);
        Assert.Contains("   at ", error, StringComparison.Ordinal);
        Assert.Contains(nameof(Fail), error, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_usage_mistakes_are_one_line_naming_each()
    {
        var (code, _, error) = InProcess.Run("build", "--outptu", "x", "--lang", "fr");

        Assert.Equal(Commands.CannotRun, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--outptu", line, StringComparison.Ordinal);
        Assert.Contains("fr", line, StringComparison.Ordinal);
        Assert.Contains("perfdisclosure build --help", line, StringComparison.Ordinal);
    }

    public static TheoryData<string[]> UnknownOptions => new()
    {
        { new[] { "import", "forms.txt", "--output", "x" } },
        { new[] { "import", "--dry-run", "forms.txt", "-O" } },
        { new[] { "new", "my-form", "--bogus" } },
        { new[] { "merge", "shard-1", "--bogus" } },
        { new[] { "build", "--bogus" } },
        { new[] { "check", "--bogus" } },
        { new[] { "serve", "--bogus" } },
        { new[] { "schemas", "--bogus" } },
    };

    [Theory]
    [MemberData(nameof(UnknownOptions))]
    public void An_unknown_option_is_refused_before_the_command_runs_even_where_an_argument_would_take_it(string[] args)
    {
        var folder = Repo.TempDir("unknown-option");
        var (code, output, error) = InProcess.Run([.. args.Select(a => a.EndsWith(".txt", StringComparison.Ordinal) ? Path.Combine(folder, a) : a)]);

        Assert.Equal(Commands.CannotRun, code);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"'{args.First(a => a.StartsWith('-') && a != "--dry-run")}'", line, StringComparison.Ordinal);
        Assert.Contains($"perfdisclosure {args[0]} --help", line, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public void A_value_after_a_double_dash_or_a_negative_number_is_no_unknown_option()
    {
        var folder = Repo.TempDir("unknown-option");
        var (code, _, error) = InProcess.Run("import", "--year", "-1", "--content", Path.Combine(folder, "no-content"), "--templates", Repo.Templates, "--", "-x.txt");

        Assert.Equal(Commands.CannotRun, code);
        Assert.DoesNotContain("unknown option", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unrecognized", error, StringComparison.Ordinal);
    }

    private static (int Code, string Out, string Error) Run(string failure, bool debug)
    {
        var root = new RootCommand();
        var command = new Command("fail");
        if (failure == "an async command's bug")
        {
            command.SetAction(async (_, stop) =>
            {
                await Task.Yield();
                return Fail("a bug");
            });
        }
        else
        {
            command.SetAction(_ => Fail(failure));
        }

        root.Subcommands.Add(command);
        var saved = Environment.GetEnvironmentVariable(Invocation.DebugVariable);
        Environment.SetEnvironmentVariable(Invocation.DebugVariable, debug ? "1" : null);
        var (savedOut, savedError) = (Console.Out, Console.Error);
        var (output, error) = (new StringWriter(), new StringWriter());
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            return (Invocation.Run(root, ["fail"]), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(savedOut);
            Console.SetError(savedError);
            Environment.SetEnvironmentVariable(Invocation.DebugVariable, saved);
        }
    }

    private static int Fail(string failure) => failure switch
    {
        "a disk error" => throw new IOException("No space left on device : '/data/site/x.html'"),
        "a refused output path" => throw new Build.Publishing.OutputPathException("拒绝写到网站文件夹之外：“../x.html”", "refusing to write outside the site: '../x.html'"),
        "a bug in a parallel stage" => Parallel.For(0, 9, i => _ = i == 7 ? throw new InvalidOperationException("the form index lost form 7 of 9") : i).IsCompleted ? 0 : 1,
        _ => throw new InvalidOperationException("the form index lost form 7 of 9"),
    };
}
