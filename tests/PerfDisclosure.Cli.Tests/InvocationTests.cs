using System.CommandLine;
using System.Globalization;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Cli.Tests;

/// <summary>
/// A failure no command handled reaches the user as one line and exit 2, in the command's --lang (Chinese, 错误：, by
/// default; English, error:, with --lang en), also when the line did not parse; PERFDISCLOSURE_DEBUG=1 shows where it was.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public class InvocationTests
{
    private const string Bug = "the form index lost form 7 of 9";

    public static TheoryData<string, string> Failures => new()
    {
        { "a bug", "错误：程序内部出错，请报告这个问题，并附上设置 PERFDISCLOSURE_DEBUG=1 后运行同一命令的输出（原文：“InvalidOperationException: the form index lost form 7 of 9”）" },
        { "a bug in a parallel stage", "错误：程序内部出错，请报告这个问题，并附上设置 PERFDISCLOSURE_DEBUG=1 后运行同一命令的输出（原文：“InvalidOperationException: the form index lost form 7 of 9”）" },
        { "an async command's bug", "错误：程序内部出错，请报告这个问题，并附上设置 PERFDISCLOSURE_DEBUG=1 后运行同一命令的输出（原文：“InvalidOperationException: the form index lost form 7 of 9”）" },
        { "a full disk", "错误：磁盘空间已满：请清理磁盘，或换用空间充足的位置后重试（原文：“No space left on device : '/data/site/x.html'”）" },
        { "a full disk in a parallel stage beside a bug", "错误：磁盘空间已满：请清理磁盘，或换用空间充足的位置后重试（原文：“No space left on device : '/data/site/x.html'”）" },
        { "a refused output path", "错误：拒绝写到网站文件夹之外：“../x.html”" },
        { "a file that does not exist", "错误：找不到文件或文件夹：请检查路径是否正确（原文：“Could not find file '{folder}/missing.yaml'.”）" },
        { "a malformed SOURCE_DATE_EPOCH", "错误：环境变量 SOURCE_DATE_EPOCH 应为自 1970-01-01 UTC 起的秒数（例如 SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)），现在是“2024-01-01”；请改正或删除它" },
    };

    public static TheoryData<string, string> FailuresInEnglish => new()
    {
        { "a bug", $"error: internal error (InvalidOperationException: {Bug}); please report it, with the output of the same command run with PERFDISCLOSURE_DEBUG=1" },
        { "a bug in a parallel stage", $"error: internal error (InvalidOperationException: {Bug}); please report it, with the output of the same command run with PERFDISCLOSURE_DEBUG=1" },
        { "an async command's bug", $"error: internal error (InvalidOperationException: {Bug}); please report it, with the output of the same command run with PERFDISCLOSURE_DEBUG=1" },
        { "a full disk", "error: No space left on device : '/data/site/x.html'" },
        { "a full disk in a parallel stage beside a bug", "error: No space left on device : '/data/site/x.html'" },
        { "a refused output path", "error: refusing to write outside the site: '../x.html'" },
        { "a file that does not exist", "error: Could not find file '{folder}/missing.yaml'." },
        { "a malformed SOURCE_DATE_EPOCH", "error: SOURCE_DATE_EPOCH must be seconds since 1970-01-01 UTC, not '2024-01-01'" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void An_unexpected_failure_is_one_chinese_line_and_exit_2_without_a_stack_trace(string failure, string expected) =>
        AssertOneLine(failure, [], expected);

    [Theory]
    [MemberData(nameof(FailuresInEnglish))]
    public void With_lang_en_the_line_is_english(string failure, string expected) =>
        AssertOneLine(failure, ["--lang", "en"], expected);

    [Theory]
    [InlineData("zh", "错误：程序内部出错")]
    [InlineData("en", "error: internal error (InvalidOperationException")]
    public void With_the_debug_variable_the_stack_trace_follows_the_line(string language, string start)
    {
        var (code, _, error) = Run("a bug", ["--lang", language], debug: true);

        Assert.Equal(Commands.CannotRun, code);
        Assert.StartsWith(start, error, StringComparison.Ordinal);
        Assert.Contains("   at ", error, StringComparison.Ordinal);
        Assert.Contains(nameof(Fail), error, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_usage_mistakes_are_one_line_naming_each_in_chinese_by_default()
    {
        var (code, _, error) = InProcess.Run("build", "--outptu", "x", "--lang", "fr");

        Assert.Equal(Commands.CannotRun, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("错误：命令行有误（原文：“", line, StringComparison.Ordinal);
        Assert.Contains("'--outptu'", line, StringComparison.Ordinal);
        Assert.Contains("'fr'", line, StringComparison.Ordinal);
        Assert.EndsWith("”）；运行 perfdisclosure build --help 可查看它接受的写法", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_usage_mistake_is_english_when_the_line_says_lang_en()
    {
        var (code, _, error) = InProcess.Run("build", "--outptu", "x", "--lang", "en");

        Assert.Equal(Commands.CannotRun, code);
        Assert.Equal("error: Unrecognized command or argument '--outptu'.; Unrecognized command or argument 'x'. (perfdisclosure build --help lists what it takes)", error.TrimEnd());
    }

    [Fact]
    public void The_parsers_words_are_english_on_a_machine_set_to_chinese()
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN"); // System.CommandLine has zh-Hans translations
        try
        {
            Assert.Equal("错误：命令行有误（原文：“Unrecognized command or argument '--outptu'.”）；运行 perfdisclosure check --help 可查看它接受的写法", InProcess.Run("check", "--outptu").Error.TrimEnd());
            Assert.Equal("error: Unrecognized command or argument '--outptu'. (perfdisclosure check --help lists what it takes)", InProcess.Run("check", "--outptu", "--lang", "en").Error.TrimEnd());
            Assert.Equal("zh-CN", CultureInfo.CurrentUICulture.Name); // help, printed when a command runs, keeps the machine's
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    /// <summary>Usage errors the commands find themselves, worded in both languages where they are found.</summary>
    public static TheoryData<string[], string, string> CommandsUsageErrors => new()
    {
        {
            ["serve", "--port", "70000"],
            "错误：命令行有误：--port 70000：端口应在 1 到 65535 之间；运行 perfdisclosure serve --help 可查看它接受的写法",
            "error: --port 70000: a port is 1 to 65535 (perfdisclosure serve --help lists what it takes)"
        },
        {
            ["build", "--shard", "5/4"],
            "错误：命令行有误：--shard “5/4”：应写作 K/N，且 1 ≤ K ≤ N，例如 2/4；运行 perfdisclosure build --help 可查看它接受的写法",
            "error: --shard '5/4': expected K/N with 1 ≤ K ≤ N, e.g. 2/4 (perfdisclosure build --help lists what it takes)"
        },
        {
            ["merge", "shard-1", "--bogus"],
            "错误：命令行有误：未知选项 --bogus（以“-”开头的分片文件夹名写作 ./--bogus）；运行 perfdisclosure merge --help 可查看它接受的写法",
            "error: unknown option '--bogus' (a shard folder whose name starts with '-' is written ./--bogus) (perfdisclosure merge --help lists what it takes)"
        },
        {
            ["import", "forms.txt", "--output", "x"],
            "错误：命令行有误：未知选项 --output（以“-”开头的文件或文件夹名写作 ./--output，或写在 -- 之后）；运行 perfdisclosure import --help 可查看它接受的写法",
            "error: unknown option '--output' (a file or folder whose name starts with '-' is written ./--output, or after --) (perfdisclosure import --help lists what it takes)"
        },
    };

    [Theory]
    [MemberData(nameof(CommandsUsageErrors))]
    public void A_usage_error_a_command_finds_is_in_its_language(string[] args, string zh, string en)
    {
        Assert.Equal((Commands.CannotRun, zh), Line(InProcess.Run(args)));
        Assert.Equal((Commands.CannotRun, en), Line(InProcess.Run([.. args, "--lang", "en"])));
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--lang en")] // the root has no --lang
    [InlineData("schemas --lang fr --bogus")]
    public void A_line_with_no_valid_lang_is_chinese(string args)
    {
        var (code, line) = Line(InProcess.Run(args.Split(' ')));

        Assert.Equal(Commands.CannotRun, code);
        Assert.StartsWith("错误：命令行有误", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_language_is_read_from_the_parsed_command_by_name()
    {
        var root = Commands.Root();
        Assert.Equal("en", Invocation.Language(root.Parse(["check", "--lang", "en"])));
        Assert.Equal("en", Invocation.Language(root.Parse(["new", "x", "--lang", "en", "--bogus"])));
        Assert.Equal("zh", Invocation.Language(root.Parse(["check"])));
        Assert.Equal("zh", Invocation.Language(root.Parse(["check", "--lang", "fr"])));
        Assert.Equal("zh", Invocation.Language(root.Parse(["--lang", "en"])));
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
        var option = args.First(a => a.StartsWith('-') && a != "--dry-run");
        string[] line = [.. args.Select(a => a.EndsWith(".txt", StringComparison.Ordinal) ? Path.Combine(folder, a) : a)];
        foreach (var (language, prefix, named, help) in new[] { ("zh", "错误：", option, $"；运行 perfdisclosure {args[0]} --help 可查看它接受的写法"), ("en", "error: ", $"'{option}'", $" (perfdisclosure {args[0]} --help lists what it takes)") })
        {
            var (code, output, error) = InProcess.Run(language == "en" ? [.. line, "--lang", "en"] : line);

            Assert.Equal(Commands.CannotRun, code);
            Assert.Empty(output);
            var said = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith(prefix, said, StringComparison.Ordinal);
            Assert.Contains(named, said, StringComparison.Ordinal);
            Assert.EndsWith(help, said.TrimEnd(), StringComparison.Ordinal);
        }

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

    private static void AssertOneLine(string failure, string[] options, string expected)
    {
        var (code, output, error) = Run(failure, options, debug: false);

        Assert.Equal(Commands.CannotRun, code);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(expected.Replace("{folder}", Folder, StringComparison.Ordinal), line.TrimEnd());
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private static (int Code, string Line) Line((int Code, string Out, string Error) run) =>
        (run.Code, Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd());

    /// <summary>The folder the failures that touch files use (a real one, so the system words them itself).</summary>
    private static readonly string Folder = Repo.TempDir("failure");

    /// <summary>Runs a command "fail" that fails so, with the --lang option every command has.</summary>
    private static (int Code, string Out, string Error) Run(string failure, string[] options, bool debug)
    {
        var root = new RootCommand();
        var command = new Command("fail") { Commands.MessageLanguageOption() };
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
            return (Invocation.Run(root, ["fail", .. options]), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(savedOut);
            Console.SetError(savedError);
            Environment.SetEnvironmentVariable(Invocation.DebugVariable, saved);
        }
    }

    /// <summary>A full disk as the runtime raises it: the errno in the HResult (ENOSPC on Linux, ERROR_DISK_FULL on Windows).</summary>
    private static IOException DiskFull() => new("No space left on device : '/data/site/x.html'", OperatingSystem.IsWindows() ? unchecked((int)0x80070070) : 28);

    private static int WriteOutsideTheSite()
    {
        new Build.Publishing.SiteWriter(Repo.TempDir("writer")).WriteText("../x.html", "x");
        return 0;
    }

    private static int Fail(string failure) => failure switch
    {
        "a full disk" => throw DiskFull(),
        "a full disk in a parallel stage beside a bug" => throw new AggregateException(new InvalidOperationException(Bug), DiskFull()), // the machine's failure is the one to act on
        "a refused output path" => WriteOutsideTheSite(),
        "a file that does not exist" => File.ReadAllText(Path.Combine(Folder, "missing.yaml")).Length,
        "a malformed SOURCE_DATE_EPOCH" => Build.Publishing.SourceDate.Parse("2024-01-01") is null ? 0 : 1,
        "a bug in a parallel stage" => Parallel.For(0, 9, i => _ = i == 7 ? throw new InvalidOperationException(Bug) : i).IsCompleted ? 0 : 1,
        _ => throw new InvalidOperationException(Bug),
    };
}
