using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace PerfDisclosure.Build.Pdf;

/// <summary>One document to typeset: its Typst source, where its PDF goes, its cache key and date.</summary>
/// <param name="HeaderCells">Which cells <see cref="TaggedHeaders"/> retags TH (<see cref="TypstSource.HeaderCells"/>); none when empty.</param>
public sealed record TypstJob(string SitePath, string Source, string Key, DateTimeOffset Date, IReadOnlyList<IReadOnlyList<string?>>? HeaderCells = null);

/// <summary>A document the engine refused (a Typst error or warning), with the engine's one-line reason.</summary>
public sealed class TypstException(string sitePath, string reason) : Exception($"{sitePath}: {reason}")
{
    public string SitePath { get; } = sitePath;

    public string Reason { get; } = reason;
}

/// <summary>
/// Typesets documents on one long-lived engine process per core (<c>pdf-engine/worker.js</c>), each taking the next
/// document from one queue: a JSON line in on stdin, a JSON line out on stdout. The fonts load once per process. The
/// queue is short and filled as the workers take from it, so the documents are made while others typeset and only a
/// few are held at once; a worker is restarted after <see cref="DocumentsPerWorker"/> documents, so whatever the
/// engine keeps from one document to the next cannot grow with the site (docs/pdf.md, "Memory").
/// </summary>
public static class TypstPrinter
{
    /// <summary>The documents one engine process typesets before it is replaced by a fresh one.</summary>
    public const int DocumentsPerWorker = 200;

    public static void Print(string folder, string node, IEnumerable<TypstJob> jobs, int parallel, Action<TypstJob, byte[], int> printed)
    {
        var errors = new ConcurrentQueue<Exception>();
        var workers = Math.Max(1, parallel);
        using var stop = new CancellationTokenSource();
        using var queue = new BlockingCollection<TypstJob>(2 * workers);
        var typesetting = Task.Run(() => Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            try
            {
                while (!stop.IsCancellationRequested && Work(folder, node, queue, stop.Token, printed))
                {
                }
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception or JsonException or TypstException)
            {
                errors.Enqueue(e);
                stop.Cancel();
            }
        }));

        try
        {
            foreach (var job in jobs)
            {
                if (stop.IsCancellationRequested)
                {
                    break;
                }

                queue.Add(job, stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // A worker failed: its error is reported below.
        }
        finally
        {
            queue.CompleteAdding();
            typesetting.Wait();
        }

        if (errors.TryDequeue(out var first))
        {
            throw first is TypstException ? first : new TypstException("pdf-engine", first.Message.Split('\n')[0]);
        }
    }

    /// <summary>One engine process: started at the first document it takes, ended after <see cref="DocumentsPerWorker"/>; false when the queue is done.</summary>
    private static bool Work(string folder, string node, BlockingCollection<TypstJob> queue, CancellationToken stop, Action<TypstJob, byte[], int> printed)
    {
        if (!Take(queue, stop, out var first))
        {
            return false;
        }

        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(folder, "worker.js"));
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{node}: could not start the PDF engine");
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        var input = new StreamWriter(process.StandardInput.BaseStream, new System.Text.UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        try
        {
            var id = 0;
            for (var job = first; job is not null; job = id < DocumentsPerWorker && Take(queue, stop, out var next) ? next : null)
            {
                input.WriteLine(JsonSerializer.Serialize(new Request(++id, job.Source, job.Date.ToUnixTimeSeconds())));
                var line = process.StandardOutput.ReadLine();
                if (line is null)
                {
                    process.WaitForExit(5000);
                    string detail;
                    lock (stderr)
                    {
                        detail = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? $"exit code {(process.HasExited ? process.ExitCode : -1)}";
                    }

                    throw new TypstException(job.SitePath, $"the PDF engine stopped: {detail}");
                }

                var answer = JsonSerializer.Deserialize<Answer>(line) ?? throw new JsonException("empty answer");
                if (answer.Error is { } error || answer.Pdf is null)
                {
                    throw new TypstException(job.SitePath, answer.Error ?? "no PDF");
                }

                var pdf = Convert.FromBase64String(answer.Pdf);
                TaggedHeaders.Apply(pdf, job.HeaderCells ?? []);
                printed(job, pdf, answer.Pages);
            }
        }
        finally
        {
            input.Close();
            if (!process.WaitForExit(10000))
            {
                process.Kill();
            }
        }

        return true;
    }

    private static bool Take(BlockingCollection<TypstJob> queue, CancellationToken stop, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TypstJob? job)
    {
        try
        {
            return queue.TryTake(out job, Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            job = null;
            return false;
        }
    }

    private sealed record Request(
        [property: System.Text.Json.Serialization.JsonPropertyName("id")] int Id,
        [property: System.Text.Json.Serialization.JsonPropertyName("source")] string Source,
        [property: System.Text.Json.Serialization.JsonPropertyName("date")] long Date);

    private sealed record Answer(
        [property: System.Text.Json.Serialization.JsonPropertyName("id")] int? Id,
        [property: System.Text.Json.Serialization.JsonPropertyName("pdf")] string? Pdf,
        [property: System.Text.Json.Serialization.JsonPropertyName("pages")] int Pages,
        [property: System.Text.Json.Serialization.JsonPropertyName("error")] string? Error);
}
