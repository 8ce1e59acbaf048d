using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace PerfDisclosure.Build.Reporting;

/// <summary>
/// Progress of a long build (pages rendered, PDFs printed …): on a terminal one line rewritten in place, in CI logs
/// (CI=true or output redirected) a plain line at most every <c>interval</c>, so logs stay short and readable.
/// </summary>
public sealed class BuildProgress
{
    private readonly TextWriter? output;
    private readonly bool interactive;
    private readonly TimeSpan interval;
    // Counted without a lock (every page of a build counts itself); the display has its own.
    private readonly ConcurrentDictionary<string, StrongBox<int>> counts = new(StringComparer.Ordinal);
    private readonly object shown = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan lastShown = TimeSpan.MinValue;
    private bool pending;

    public BuildProgress(TextWriter? output, bool interactive, TimeSpan interval)
    {
        this.output = output;
        this.interactive = interactive;
        this.interval = interval;
    }

    /// <summary>Counts without printing anything.</summary>
    public static BuildProgress Silent => new(null, false, TimeSpan.MaxValue);

    /// <summary>Progress on the console's error stream: in place on a terminal, a line every 5 s in CI.</summary>
    public static BuildProgress ForConsole()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var interactive = !ci && !Console.IsErrorRedirected;
        return new BuildProgress(Console.Error, interactive, interactive ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(5));
    }

    /// <summary>One more item done, e.g. <c>Advance("pages")</c> or <c>Advance("pdfs")</c>; thread-safe.</summary>
    public void Advance(string what)
    {
        Interlocked.Increment(ref counts.GetOrAdd(what, _ => new()).Value);
        if (output is null)
        {
            return;
        }

        lock (shown)
        {
            var now = clock.Elapsed;
            if (output is null || (lastShown != TimeSpan.MinValue && now - lastShown < interval))
            {
                pending = true;
                return;
            }

            lastShown = now;
            pending = false;
            Show();
        }
    }

    public int Count(string what)
    {
        return counts.TryGetValue(what, out var count) ? Volatile.Read(ref count.Value) : 0;
    }

    /// <summary>Ends the progress display: the last counts, then a line break on a terminal.</summary>
    public void Finish()
    {
        lock (shown)
        {
            if (output is null || counts.IsEmpty)
            {
                return;
            }

            if (pending || interactive)
            {
                Show();
            }

            if (interactive)
            {
                output.WriteLine();
            }
        }
    }

    private void Show()
    {
        var text = string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {Volatile.Read(ref c.Value.Value)}"));
        if (interactive)
        {
            output!.Write($"\r{text}   ");
        }
        else
        {
            output!.WriteLine($"progress: {text} ({clock.Elapsed.TotalSeconds:0.0} s)");
        }
    }
}
