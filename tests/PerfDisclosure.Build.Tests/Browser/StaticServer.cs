using System.Net;
using System.Net.Sockets;

namespace PerfDisclosure.Build.Tests.Browser;

/// <summary>
/// Serves a built site on 127.0.0.1 under a sub-path (<c>/budget/</c>), as a web server would, 404.html for
/// anything missing. It stops when disposed, and on its own after <see cref="Lifetime"/> in any case.
/// </summary>
public sealed class StaticServer : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json",
        [".jsonld"] = "application/ld+json",
        [".csv"] = "text/csv; charset=utf-8",
        [".xml"] = "application/xml",
        [".txt"] = "text/plain; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".woff2"] = "font/woff2",
    };

    private readonly HttpListener listener = new();
    private readonly string root;
    private readonly CancellationTokenSource stop = new(Lifetime);
    private readonly Task loop;

    /// <param name="port">From <see cref="FreePort"/>, so a site can be built for this address before serving starts.</param>
    public StaticServer(string root, int port, string subPath = "/budget/")
    {
        this.root = Path.GetFullPath(root);
        BaseAddress = AddressFor(port, subPath);
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        SubPath = subPath;
        loop = Task.Run(Serve);
        stop.Token.Register(() => listener.Close());
    }

    public string BaseAddress { get; }

    public string SubPath { get; }

    public void Dispose()
    {
        stop.Cancel();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // the listener was closed under a pending GetContext: that is how the loop ends
        }

        stop.Dispose();
    }

    public static string AddressFor(int port, string subPath = "/budget/") => $"http://127.0.0.1:{port}{subPath}";

    public static int FreePort() => PerfDisclosure.Testing.RawHttp.FreePort();

    private async Task Serve()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().WaitAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Respond(context);
        }
    }

    private void Respond(HttpListenerContext context)
    {
        using var response = context.Response;
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
        var file = path.StartsWith(SubPath, StringComparison.Ordinal) ? Path.GetFullPath(Path.Combine(root, path[SubPath.Length..])) : null;
        if (file is not null && Directory.Exists(file))
        {
            file = Path.Combine(file, "index.html");
        }

        if (file is null || !file.StartsWith(root, StringComparison.Ordinal) || !File.Exists(file))
        {
            response.StatusCode = 404;
            file = Path.Combine(root, "404.html");
        }

        response.ContentType = Types.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
        var bytes = File.ReadAllBytes(file);
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
    }
}
