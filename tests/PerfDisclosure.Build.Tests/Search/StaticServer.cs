using System.Net;
using System.Net.Sockets;

namespace PerfDisclosure.Build.Tests.Search;

/// <summary>
/// Serves a built site on 127.0.0.1 for browser tests, under a sub-path (<c>/sub/</c>) so relative links are
/// tested too. It stops when disposed, and on its own after <paramref name="lifetime"/> at the latest.
/// </summary>
public sealed class StaticServer : IDisposable
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json",
        [".bin"] = "application/octet-stream",
    };

    private readonly HttpListener listener = new();
    private readonly string root;
    private readonly CancellationTokenSource stop;

    public StaticServer(string root, TimeSpan? lifetime = null)
    {
        this.root = Path.GetFullPath(root);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/sub/";
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        stop = new CancellationTokenSource(lifetime ?? TimeSpan.FromMinutes(5));
        stop.Token.Register(listener.Stop);
        _ = Task.Run(Serve);
    }

    public string BaseUrl { get; }

    public void Dispose()
    {
        stop.Cancel();
        listener.Close();
        stop.Dispose();
    }

    private async Task Serve()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var response = context.Response;
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            var file = path.StartsWith("/sub/", StringComparison.Ordinal) ? Path.GetFullPath(Path.Combine(root, path["/sub/".Length..])) : null;
            if (file is null || !file.StartsWith(root, StringComparison.Ordinal) || !File.Exists(file))
            {
                response.StatusCode = 404;
                continue;
            }

            response.ContentType = Types.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
            var bytes = await File.ReadAllBytesAsync(file);
            await response.OutputStream.WriteAsync(bytes);
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
