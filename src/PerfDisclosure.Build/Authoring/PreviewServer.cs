using System.Net;
using System.Reflection;
using System.Text;
using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Reporting;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation.Rules.Authoring;

namespace PerfDisclosure.Build.Authoring;

/// <summary>
/// <c>perfdisclosure serve</c>: builds the site, serves it on 127.0.0.1, rebuilds when content/ or the templates
/// change (only changed pages are rendered, through the render cache) and makes open pages reload. While the last
/// build failed, every page shows its diagnostics (file, line, message) instead; fixing the file clears them.
/// </summary>
public sealed class PreviewServer(BuildOptions options, int port, TextWriter log, string language = "zh")
{
    /// <summary>Under this path the server answers itself; a site never has a folder of this name.</summary>
    public const string Prefix = "/__perfdisclosure/";

    private const string Text = "text/plain; charset=utf-8";
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly object gate = new();
    private int version;
    private IReadOnlyList<Diagnostic> failure = [];

    /// <summary>How many builds have finished (successful or not); a page reloads when it changes.</summary>
    public int Version => Volatile.Read(ref version);

    public string Address => $"http://127.0.0.1:{port}/";

    /// <summary>Listens, builds, then serves and watches until <paramref name="stop"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        Publishing.OutputFolder.Check(options); // a folder that is not the tool's stops serve at once, not in the browser
        using var listener = new HttpListener();
        listener.Prefixes.Add(Address);
        listener.Start(); // first: a port in use is reported at once, not after a build
        using var watcher = new RebuildWatcher([options.ContentDir, options.TemplatesDir], Rebuild, log); // before: a save during the first build rebuilds
        Rebuild();
        log.WriteLine($"serving {options.OutputDir} at {Address} (Ctrl+C stops)");
        try
        {
            await Serve(listener, stop).ConfigureAwait(false);
        }
        finally
        {
            log.WriteLine("serve: stopped");
        }
    }

    private async Task Serve(HttpListener listener, CancellationToken stop)
    {
        using var registration = stop.Register(listener.Stop);
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                if (!stop.IsCancellationRequested)
                {
                    log.WriteLine($"serve stopped: {e.Message}");
                }

                break;
            }

            _ = Task.Run(() => Answer(context), CancellationToken.None);
        }
    }

    /// <summary>Builds once more; called at start and by the watcher (never twice at the same time).</summary>
    public void Rebuild()
    {
        lock (gate)
        {
            try
            {
                var builder = new SiteBuilder(options, log);
                var result = builder.Build();
                failure = result.Succeeded ? [] : [.. result.Diagnostics.Where(d => d.IsError || (options.Strict && d.Severity == Severity.Warning))];
                log.WriteLine(result.Succeeded
                    ? $"rebuilt: {builder.Cache.Rendered.Count} page(s) rendered, {builder.Cache.Reused} unchanged"
                    : $"build failed: {failure.Count} error(s); the browser shows them");
            }
            catch (Exception e)
            {
                // A preview server outlives any one bad build: whatever failed is shown in the browser, not fatal.
                failure = [AuthoringRules.PreviewBuildFailed.Report(SourceSpan.FileOnly(options.ContentDir), e.Message, e.Message)];
                log.WriteLine($"build failed: {e.Message}");
            }

            Interlocked.Increment(ref version);
        }
    }

    /// <summary>
    /// Answers one request and always ends its connection: whatever fails while answering (a bug, a file removed
    /// mid-read, a client gone) aborts the connection rather than leaving it open with no answer.
    /// </summary>
    private void Answer(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            Respond(context.Request, response);
        }
        catch (Exception e)
        {
            log.WriteLine($"serve: could not answer a request: {e.GetType().Name}: {e.Message}");
            try
            {
                response.Abort();
            }
            catch (Exception again) when (again is ObjectDisposedException or HttpListenerException or IOException)
            {
                // Already gone.
            }
        }
    }

    private void Respond(HttpListenerRequest request, HttpListenerResponse response)
    {
        var head = request.HttpMethod == "HEAD";
        if (!head && request.HttpMethod != "GET")
        {
            response.Headers["Allow"] = "GET, HEAD";
            Send(response, 405, Text, Utf8.GetBytes("only GET and HEAD"), head);
            return;
        }

        var target = RequestPath.Parse(request.RawUrl);
        if (target.Problem is { } problem)
        {
            log.WriteLine($"serve: refused ({target.Status}) {problem}");
            Send(response, target.Status, Text, Utf8.GetBytes("bad request: " + problem), head);
            return;
        }

        var path = target.Path;
        if (path == Prefix + "version")
        {
            Send(response, 200, Text, Utf8.GetBytes(Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), head);
        }
        else if (path == Prefix + "live-reload.js")
        {
            Send(response, 200, "text/javascript; charset=utf-8", Script.Value, head);
        }
        else if (Volatile.Read(ref failure) is { Count: > 0 } errors && IsPage(path))
        {
            Send(response, 500, "text/html; charset=utf-8", Utf8.GetBytes(ErrorPage(errors)), head);
        }
        else if (Resolve(target) is { } file && Read(file) is { } bytes)
        {
            var type = ContentType(file);
            Send(response, 200, type, type.StartsWith("text/html", StringComparison.Ordinal) ? WithLiveReload(bytes) : bytes, head);
        }
        else
        {
            Send(response, 404, Text, Utf8.GetBytes("not found: " + path), head);
        }
    }

    /// <summary>The file for a request path, inside the output folder only; a folder means its index.html.</summary>
    private string? Resolve(RequestPath target)
    {
        var root = Path.GetFullPath(options.OutputDir).TrimEnd(Path.DirectorySeparatorChar);
        var full = Path.GetFullPath(Path.Combine([root, .. target.Segments]));
        if (full != root && !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        if (Directory.Exists(full))
        {
            full = Path.Combine(full, "index.html");
        }

        return File.Exists(full) ? full : null;
    }

    /// <summary>A file's bytes, or null when a rebuild replaced the site between finding the file and reading it.</summary>
    private static byte[]? Read(string file)
    {
        try
        {
            return File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static bool IsPage(string path) => path.EndsWith('/') || path.EndsWith(".html", StringComparison.Ordinal) || !Path.HasExtension(path);

    private static byte[] WithLiveReload(byte[] html)
    {
        var text = Utf8.GetString(html);
        var tag = $"<script src=\"{Prefix}live-reload.js\" defer></script>";
        var end = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return Utf8.GetBytes(end < 0 ? text + tag : text.Insert(end, tag + "\n"));
    }

    private string ErrorPage(IReadOnlyList<Diagnostic> errors)
    {
        var items = string.Concat(errors.Select(d => $"<li><code>{Html.Escape($"{d.Where.File}:{d.Where.Line}:{d.Where.Column}")}</code> {Html.Escape(d.Code)} {Html.Escape(DiagnosticWriter.Text(d, language))}</li>\n"));
        return $"<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\"><title>构建失败 Build failed</title></head>\n<body>\n<h1>构建失败 Build failed</h1>\n<p>修改文件后页面会自动刷新。Fix the file; this page reloads by itself.</p>\n<ul>\n{items}</ul>\n<script src=\"{Prefix}live-reload.js\" defer></script>\n</body>\n</html>\n";
    }

    private static void Send(HttpListenerResponse response, int status, string type, byte[] body, bool head)
    {
        response.StatusCode = status;
        response.ContentType = type;
        response.Headers["Cache-Control"] = "no-store";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.KeepAlive = false;
        response.ContentLength64 = body.Length;
        if (!head)
        {
            response.OutputStream.Write(body);
        }

        response.Close();
    }

    private static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json",
        ".csv" => "text/csv; charset=utf-8",
        ".xml" => "application/xml",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".pdf" => "application/pdf",
        ".woff2" => "font/woff2",
        _ => "application/octet-stream",
    };

    private static readonly Lazy<byte[]> Script = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("authoring/live-reload.js")!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    });
}
