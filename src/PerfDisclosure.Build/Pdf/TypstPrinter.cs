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
/// document from one queue: a JSON line in on stdin, a JSON line out on stdout. The fonts load once per process.
/// </summary>
public static class TypstPrinter
{
    public static void Print(string folder, string node, IReadOnlyList<TypstJob> jobs, int parallel, Action<TypstJob, byte[], int> printed)
    {
        var queue = new ConcurrentQueue<TypstJob>(jobs);
        var errors = new ConcurrentQueue<Exception>();
        var workers = Math.Max(1, Math.Min(parallel, jobs.Count));
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            try
            {
                Work(folder, node, queue, printed);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception or JsonException or TypstException)
            {
                errors.Enqueue(e);
                queue.Clear();
            }
        });

        if (errors.TryDequeue(out var first))
        {
            throw first is TypstException ? first : new TypstException("pdf-engine", first.Message.Split('\n')[0]);
        }
    }

    private static void Work(string folder, string node, ConcurrentQueue<TypstJob> queue, Action<TypstJob, byte[], int> printed)
    {
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
            while (queue.TryDequeue(out var job))
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
