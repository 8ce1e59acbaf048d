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
/// <param name="pdf">Print PDFs too (<c>serve --pdf</c>): each save is first built without them, so the page reloads at
/// once, then built again with them (the page reloads once more when they are printed).</param>
public sealed class PreviewServer(BuildOptions options, int port, TextWriter log, string language = "zh", bool pdf = false)
{
    /// <summary>How long a reload request (<c>version?after=N</c>) waits for the next build before answering anyway.</summary>
    public static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(20);

    /// <summary>Under this path the server answers itself; a site never has a folder of this name.</summary>
    public const string Prefix = "/__perfdisclosure/";

    private const string Text = "text/plain; charset=utf-8";
    private const string Html = "text/html; charset=utf-8";
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly object gate = new();
    private int version;
    private IReadOnlyList<Diagnostic> failure = [];
    private IReadOnlyList<Diagnostic> findings = [];
    private readonly StaffPages staff = new(options.ContentDir, Theme.ThemeStrings.Load(new Theme.ThemeFiles(options.TemplatesDir), new Loading.DiagnosticBag()), language);
    private readonly Caching.ParseMemory memory = new(); // what one rebuild parsed, for the next: only changed files are parsed again
    private readonly Search.SearchMemory searched = new(); // what one rebuild's search index read, for the next: only changed pages are read again
    private CancellationTokenSource? downloads; // the running build's, cancelled by a newer save
    private readonly Caching.RenderMemory rendered = new(); // what each render key gave, for the next rebuild: outputs still published are kept in place
    private readonly Validation.ValidationMemory validated = new(); // what one rebuild's per-form rules found, for the next: only changed forms are checked again
    private TaskCompletionSource built = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many builds have finished (successful or not); a page reloads when it changes.</summary>
    public int Version => Volatile.Read(ref version);

    /// <summary>The findings of the last build, as the staff panel lists them (the one PD0000 of a build that failed unexpectedly).</summary>
    public IReadOnlyList<Diagnostic> Findings => Volatile.Read(ref findings);

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
        // Abort, not Stop: on Linux, Stop and then Dispose each unregister the port, and the second binds it again for a
        // moment (HttpEndPointManager.RemoveListener), failing with "Address already in use" when another process took it.
        using var registration = stop.Register(listener.Abort);
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
        // A save while the last build makes its downloads: they are left, and this build makes them again.
        Volatile.Read(ref downloads)?.Cancel();
        lock (gate)
        {
            // HTML first, without PDFs: the open page reloads as soon as its HTML is there.
            var interrupt = new CancellationTokenSource();
            Volatile.Write(ref downloads, interrupt);
            BuildOnce(options with { NoPdf = true, Drafts = true }, interrupt.Token);
            Volatile.Write(ref downloads, null);
            if (pdf && !options.NoPdf && failure.Count == 0)
            {
                BuildOnce(options with { Drafts = true });
            }
        }
    }

    private void BuildOnce(BuildOptions build, CancellationToken interrupt = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var reloaded = false;
        try
        {
            SiteBuilder? builder = null;
            builder = new SiteBuilder(build, TextWriter.Null)
            {
                Memory = memory,
                SearchMemory = searched,
                ValidationMemory = validated,
                RenderMemory = rendered,
                Interrupt = interrupt,
                // The site-wide downloads after the pages: the open page reloads without waiting for them.
                PagesPublished = pages =>
                {
                    Finished(build, pages, builder!, clock, "; the downloads follow");
                    reloaded = true;
                },
            };
            var result = builder.Build();
            if (!reloaded || !result.Succeeded)
            {
                Finished(build, result, builder, clock, string.Empty);
            }
            else if (builder.DownloadsInterrupted)
            {
                log.WriteLine($"downloads left for the next rebuild after {clock.ElapsedMilliseconds} ms: a newer change came");
            }
            else
            {
                findings = result.Diagnostics;
                log.WriteLine($"downloads rebuilt in {clock.ElapsedMilliseconds} ms ({string.Join(", ", result.Stages.SkipWhile(t => t.Stage != "publish pages").Skip(1).Select(t => $"{t.Stage} {t.Time.TotalMilliseconds:0}"))} ms)");
            }
        }
        catch (Exception e)
        {
            // A preview server outlives any one bad build: whatever failed is shown in the browser, not fatal.
            failure = [AuthoringRules.PreviewBuildFailed.Report(SourceSpan.FileOnly(build.ContentDir), $"预览构建意外中止：保存文件后会重新构建；如果一再出现，请把下面的原文报告给网站维护人员{OriginalText.InChinese(e.Message)}", $"The preview build failed unexpectedly: {e.Message}")];
            findings = failure;
            log.WriteLine($"build failed: {e.Message}");
            Announce();
        }
    }

    /// <summary>Takes a build's findings, prints them and its summary, and makes the open pages reload.</summary>
    private void Finished(BuildOptions build, BuildResult result, SiteBuilder builder, System.Diagnostics.Stopwatch clock, string next)
    {
        failure = result.Succeeded ? [] : [.. result.Diagnostics.Where(d => d.IsError || (build.Strict && d.Severity == Severity.Warning && !d.Draft))];
        findings = result.Diagnostics;

        // Every finding of the rebuild, errors and warnings alike, as check prints them: the terminal is where
        // staff look while they type.
        DiagnosticWriter.Write(log, result.Diagnostics, "text", language);

        var what = build.NoPdf ? "HTML" : "HTML and PDFs";
        log.WriteLine(result.Succeeded
            ? $"rebuilt ({what}) in {clock.ElapsedMilliseconds} ms: {builder.Cache.Rendered.Count} page(s) rendered, {builder.Cache.Reused} unchanged ({rendered.Kept} kept in place), {memory.Parsed} form file(s) parsed, {memory.Reused} unchanged, {validated.Checked} form(s) validated, {validated.Reused} unchanged, {searched.Read} page(s) indexed, {searched.Reused} unchanged; {result.Errors} error(s), {result.Warnings} warning(s) ({string.Join(", ", result.Stages.Select(t => $"{t.Stage} {t.Time.TotalMilliseconds:0}"))} ms){next}"
            : $"build failed: {failure.Count} error(s); the browser shows them");
        Announce();
    }

    /// <summary>One more build finished: the reload requests waiting for it are answered.</summary>
    private void Announce()
    {
        Interlocked.Increment(ref version);
        Interlocked.Exchange(ref built, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>The build count once it differs from <paramref name="seen"/>, or after <see cref="LongPoll"/>.</summary>
    private async Task<int> VersionAfter(int seen)
    {
        var next = Volatile.Read(ref built).Task;
        if (Version == seen)
        {
            await Task.WhenAny(next, Task.Delay(LongPoll)).ConfigureAwait(false);
        }

        return Version;
    }

    /// <summary>
    /// Answers one request and always ends its connection: whatever fails while answering (a bug, a file removed
    /// mid-read, a client gone) aborts the connection rather than leaving it open with no answer.
    /// </summary>
    private async Task Answer(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            if (context.Request.QueryString["after"] is { } after && int.TryParse(after, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seen)
                && RequestPath.Parse(context.Request.RawUrl).Path == Prefix + "version")
            {
                // The reload script asks "after build N?" and this answers when the next build is done: the page
                // reloads the moment the site is rebuilt, with no polling delay.
                var now = await VersionAfter(seen).ConfigureAwait(false);
                Send(response, 200, Text, Utf8.GetBytes(now.ToString(System.Globalization.CultureInfo.InvariantCulture)), context.Request.HttpMethod == "HEAD");
                return;
            }

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
        else if (path == StaffPages.StylePath)
        {
            Send(response, 200, "text/css; charset=utf-8", Utf8.GetBytes(StaffPages.Style), head);
        }
        else if (path == StaffPages.FindingsPath)
        {
            Send(response, 200, Html, Utf8.GetBytes(staff.FindingsPage(Volatile.Read(ref findings))), head);
        }
        else if (path == StaffPages.CodesPath)
        {
            Send(response, 200, Html, Utf8.GetBytes(staff.CodesPage(Core.Validation.RuleSet.Default)), head);
        }
        else if (Volatile.Read(ref failure) is { Count: > 0 } errors && IsPage(path))
        {
            Send(response, 500, Html, Utf8.GetBytes(staff.ErrorPage(errors)), head);
        }
        else if (IsPage(path) && staff.IsFormPage(path) && staff.For(path, Volatile.Read(ref findings)) is { } mine && mine.Any(d => d.Draft && d.Severity == Severity.Error))
        {
            // A draft with errors is left out of the site; its own page shows them while every other page works.
            Send(response, 200, Html, Utf8.GetBytes(staff.DraftPage(mine)), head);
        }
        else if (Resolve(target) is { } file && Read(file) is { } bytes)
        {
            var type = ContentType(file);
            Send(response, 200, type, type == Html ? WithStaff(bytes, path) : bytes, head);
        }
        else if (Resolve(RequestPath.Parse("/404.html")) is { } missing && Read(missing) is { } notFound)
        {
            // The site's own 404 page, as a web server configured for the site would answer.
            Send(response, 404, Html, WithStaff(notFound, path), head);
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

    /// <summary>
    /// The served page with the reload script and, on a form's page, the staff panel of its findings: added as the
    /// page is served, never written into the output folder.
    /// </summary>
    private byte[] WithStaff(byte[] html, string path)
    {
        var text = Utf8.GetString(html);
        var tag = $"<script src=\"{Prefix}live-reload.js\" defer></script>";
        var end = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        text = end < 0 ? text + tag : text.Insert(end, tag + "\n");
        var all = Volatile.Read(ref findings);
        if (staff.IsFormPage(path))
        {
            var body = text.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
            var open = body < 0 ? -1 : text.IndexOf('>', body);
            var panel = staff.Panel(staff.For(path, all), all.Count);
            text = open < 0 ? panel + text : text.Insert(open + 1, "\n" + panel);
        }

        return Utf8.GetBytes(text);
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
        ".html" => Html,
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
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    });
}
