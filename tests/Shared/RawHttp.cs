using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PerfDisclosure.Testing;

/// <summary>
/// HTTP as an attacker types it: raw request bytes on a TCP socket to 127.0.0.1, no client library to clean the
/// path first. Reads until the server closes the connection or the time is up, so a test sees both the status and
/// whether the connection was ended.
/// </summary>
public static class RawHttp
{
    /// <summary>What came back: the status (0 when none), the whole text, and how the connection ended.</summary>
    public sealed record Answer(int Status, string Text, bool Closed, bool Reset)
    {
        public override string ToString() => $"HTTP {Status}, {(Closed ? "closed" : Reset ? "reset" : "left open")}: {Text[..Math.Min(200, Text.Length)]}";
    }

    /// <summary>A GET request line with the given target, byte for byte (Latin-1, so control bytes pass as they are).</summary>
    public static byte[] Get(string target, int port, string method = "GET", string? host = null) =>
        Encoding.Latin1.GetBytes($"{method} {target} HTTP/1.1\r\nHost: {host ?? $"127.0.0.1:{port}"}\r\n\r\n");

    public static async Task<Answer> Send(int port, byte[] request, TimeSpan timeout, CancellationToken token)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(token);
        deadline.CancelAfter(timeout);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, deadline.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(request, deadline.Token);
        using var received = new MemoryStream();
        var chunk = new byte[16384];
        var (closed, reset) = (false, false);
        try
        {
            while (received.Length < (1 << 22))
            {
                var read = await stream.ReadAsync(chunk, deadline.Token);
                if (read == 0)
                {
                    closed = true;
                    break;
                }

                received.Write(chunk, 0, read);
            }
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            // Time is up and the connection is still open: the answer says so.
        }
        catch (IOException)
        {
            reset = true;
        }

        var text = Encoding.UTF8.GetString(received.ToArray());
        var status = text.StartsWith("HTTP/1.", StringComparison.Ordinal) && text.Length >= 12
            && int.TryParse(text.AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 0;
        return new Answer(status, text, closed, reset);
    }

    /// <summary>
    /// The server's sockets on this port that the client closed but the server never did (CLOSE_WAIT, a leaked
    /// connection), read from /proc/net/tcp and tcp6; null where there is no /proc (not Linux).
    /// </summary>
    public static int? LeakedConnections(int port)
    {
        string[] tables = ["/proc/net/tcp", "/proc/net/tcp6"];
        if (!File.Exists(tables[0]))
        {
            return null;
        }

        var suffix = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        return tables.Where(File.Exists).SelectMany(t => File.ReadLines(t).Skip(1))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Count(fields => fields.Length > 3 && fields[1].EndsWith(suffix, StringComparison.Ordinal) && fields[3] == "08");
    }

    /// <summary>A port on 127.0.0.1 that nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
