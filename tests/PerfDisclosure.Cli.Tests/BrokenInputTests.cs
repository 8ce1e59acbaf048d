using System.Diagnostics;
using System.Text;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Cli.Tests;

/// <summary>
/// No stack trace reaches a user: every command, given each broken input in <see cref="BrokenInputs"/>, exits 1
/// (content errors) or 2 (could not run) with a message naming the file (and line), through the real command line;
/// in Chinese by default (<c>错误：</c>), in English with <c>--lang en</c> (<c>error:</c>).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // unreadable files and SIGINT are Unix faults
public class BrokenInputTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public static TheoryData<string> Rows => [.. BrokenInputs.All.Select(r => r.ToString())];

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_broken_input_is_one_line_naming_it_with_exit_1_or_2_and_no_stack_trace(string row)
    {
        var entry = BrokenInputs.All.Single(r => r.ToString() == row);
        using var workspace = new BrokenInputs.Workspace(Repo.TempDir("broken-" + entry.Command));
        var made = entry.Make(workspace);

        var (exit, output, error) = CliProcess.Run(made.Args, made.Unprivileged);

        var said = $"{row}\n$ perfdisclosure {string.Join(' ', made.Args)}\nexit {exit}\nstdout:\n{output}\nstderr:\n{error}";
        Assert.True(made.Exit is { } expected ? exit == expected : exit is 1 or 2, said);
        Assert.False(StackTrace(output + error), said);
        if (exit == 2)
        {
            // Could not run: one line saying why, naming what was wrong, in the language of the command line.
            var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith("错误：", StringComparison.Ordinal) || l.StartsWith("error:", StringComparison.Ordinal) || l.StartsWith("error PD", StringComparison.Ordinal)).ToList();
            Assert.True(lines.Count == 1, said);
            Assert.True(lines[0].Contains(made.Names, StringComparison.Ordinal), said);
        }
        else
        {
            // Content errors: each at its file and line, the expected one among them.
            Assert.True((output + error).Contains(made.Names, StringComparison.Ordinal), said);
        }
    }

    [Fact]
    public async Task Serve_answers_hostile_paths_with_400_goes_on_serving_and_stops_on_ctrl_c_without_a_trace()
    {
        using var workspace = new BrokenInputs.Workspace(Repo.TempDir("broken-serve"));
        // One organisation's forms: a quick first build, PDFs and all.
        foreach (var other in Directory.EnumerateDirectories(Path.Combine(workspace.Content, "forms")).Where(d => !d.EndsWith("sz-futian-investment-promotion", StringComparison.Ordinal)))
        {
            Directory.Delete(other, recursive: true);
        }

        var port = RawHttp.FreePort();
        var log = new StringBuilder();
        using var serve = CliProcess.Start(["serve", "--content", workspace.Content, "--templates", Repo.Templates, "--output", workspace.Path("site"), "--cache", workspace.Path(".cache"), "--port", $"{port}", "--lang", "en"]);
        serve.OutputDataReceived += (_, e) => Append(log, e.Data);
        serve.ErrorDataReceived += (_, e) => Append(log, e.Data);
        serve.BeginOutputReadLine();
        serve.BeginErrorReadLine();
        try
        {
            var clock = Stopwatch.StartNew();
            while (!Said(log, "serving ") && !serve.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3))
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            Assert.True(Said(log, "serving "), $"serve did not start:\n{log}");
            foreach (var target in new[] { "/%00", "/%ff", "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/..%5c..%5cetc%5cpasswd", "/a\u0001b", "/" + new string('a', 5000) })
            {
                var answer = await RawHttp.Send(port, RawHttp.Get(target, port), Wait, TestContext.Current.CancellationToken);
                Assert.True(answer is { Status: 400 or 414, Closed: true }, $"{target[..Math.Min(40, target.Length)]}: {answer}\n{log}");
            }

            Assert.Equal(200, (await RawHttp.Send(port, RawHttp.Get("/", port), Wait, TestContext.Current.CancellationToken)).Status);
        }
        finally
        {
            using (var interrupt = Process.Start("kill", ["-INT", $"{serve.Id}"]))
            {
                await interrupt.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            if (!serve.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                serve.Kill();
            }
        }

        serve.WaitForExit(); // the last lines of output
        Assert.True(Said(log, "serve: stopped"), log.ToString());
        Assert.False(StackTrace(log.ToString()), log.ToString());
    }

    /// <summary>A .NET stack frame, or the runtime's report of an exception nothing caught.</summary>
    private static bool StackTrace(string text) =>
        text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Unhandled exception", StringComparison.Ordinal);

    private static void Append(StringBuilder log, string? line)
    {
        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private static bool Said(StringBuilder log, string text)
    {
        lock (log)
        {
            return log.ToString().Contains(text, StringComparison.Ordinal);
        }
    }
}
