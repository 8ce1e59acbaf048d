using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using PerfDisclosure.Build.Authoring;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Authoring;

/// <summary>
/// Someone on this machine (or a page in the author's browser) sends the preview server paths no browser would:
/// each gets its status and a closed connection, nothing outside site/ is read, and the server goes on answering.
/// Raw request lines on real sockets, so no HTTP client cleans the path first.
/// </summary>
public class HostileRequestTests(ServedSite site) : IClassFixture<ServedSite>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, int> Targets => new()
    {
        { "NUL, percent-encoded", "/%00", 400 },
        { "NUL inside a page's path", "/sz-futian-investment-promotion/%00/", 400 },
        { "a byte that is never UTF-8", "/%ff", 400 },
        { "a truncated UTF-8 sequence", "/%e4%b8", 400 },
        { "an overlong '.' (2 bytes) making '..'", "/%c0%ae%c0%ae/site-secret/key.txt", 400 },
        { "an overlong '.' (3 bytes)", "/%e0%80%ae%e0%80%ae/", 400 },
        { "an overlong '/'", "/a%c0%afb", 400 },
        { "a UTF-16 surrogate in UTF-8", "/%ed%a0%80", 400 },
        { "'..' as it is", "/../site-secret/key.txt", 400 },
        { "'..' percent-encoded", "/%2e%2e/site-secret/key.txt", 400 },
        { "'..' in upper and lower case hex", "/%2E%2e/site-secret/key.txt", 400 },
        { "'..' after a folder", "/assets/../index.html", 400 },
        { "'.' as a segment", "/./index.html", 400 },
        { "an encoded slash", "/..%2fsite-secret%2fkey.txt", 400 },
        { "a backslash", "/..\\site-secret\\key.txt", 400 },
        { "an encoded backslash", "/..%5csite-secret%5ckey.txt", 400 },
        { "an empty segment (//)", "//etc/passwd", 400 },
        { "a '%' with no digits", "/%", 400 },
        { "a '%' with one digit", "/%4", 400 },
        { "a '%' with no hex digits", "/%zz", 400 },
        { "a raw control character", "/a\u0001b", 400 },
        { "a raw DEL", "/a\u007fb", 400 },
        { "an encoded control character", "/a%1bb", 400 },
        { "an encoded C1 control (NEL)", "/a%c2%85b", 400 },
        { "raw bytes over 0x7f", "/\u00e4\u00b8\u00ad/", 400 },
        { "a raw space splitting the request line", "/a b", 400 },
        { "a path over the length limit", "/" + new string('a', RequestPath.MaxLength + 1), 414 },
        { "absolute-form naming this server", "http://127.0.0.1:{port}/", 400 },
        { "absolute-form naming another host", "http://example.org/", 404 },
        { "asterisk-form", "*", 400 },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_hostile_path_gets_its_status_and_a_closed_connection_and_the_server_answers_on(string what, string target, int status)
    {
        await site.Ready();
        var answer = await RawHttp.Send(site.Port, RawHttp.Get(target.Replace("{port}", $"{site.Port}", StringComparison.Ordinal), site.Port), Wait, Token);

        Assert.True(answer.Status == status, $"{what}: expected HTTP {status}, got {answer}");
        Assert.True(answer.Closed, $"{what}: the server did not close the connection: {answer}");
        Assert.DoesNotContain("secret", answer.Text, StringComparison.Ordinal);
        Assert.Equal(200, (await RawHttp.Send(site.Port, RawHttp.Get("/", site.Port), Wait, Token)).Status);
    }

    [Fact]
    public async Task Two_hundred_undecodable_requests_are_each_answered_400_and_leave_no_connection_open()
    {
        await site.Ready();
        for (var i = 0; i < 200; i++)
        {
            var answer = await RawHttp.Send(site.Port, RawHttp.Get(i % 2 == 0 ? "/%00" : "/%ff/index.html", site.Port), Wait, Token);
            Assert.True(answer is { Status: 400, Closed: true }, $"request {i}: {answer}");
        }

        // The server closes each socket itself: none is left waiting for a close that never comes (CLOSE_WAIT).
        var deadline = DateTime.UtcNow + Wait;
        while (RawHttp.LeakedConnections(site.Port) is > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Token);
        }

        Assert.True(RawHttp.LeakedConnections(site.Port) is null or 0, $"{RawHttp.LeakedConnections(site.Port)} connection(s) left in CLOSE_WAIT");
        Assert.Equal(200, (await RawHttp.Send(site.Port, RawHttp.Get("/" + ServedSite.Page, site.Port), Wait, Token)).Status);
    }

    [Fact]
    public async Task Only_get_and_head_are_answered_and_head_has_no_body()
    {
        await site.Ready();
        var post = await RawHttp.Send(site.Port, Encoding.ASCII.GetBytes($"POST / HTTP/1.1\r\nHost: 127.0.0.1:{site.Port}\r\nContent-Length: 3\r\n\r\nabc"), Wait, Token);
        Assert.Equal(405, post.Status);
        Assert.Contains("Allow: GET, HEAD", post.Text, StringComparison.Ordinal);

        var head = await RawHttp.Send(site.Port, RawHttp.Get("/" + ServedSite.Page, site.Port, "HEAD"), Wait, Token);
        Assert.True(head is { Status: 200, Closed: true }, head.ToString());
        Assert.EndsWith("\r\n\r\n", head.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", head.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// The server listens on 127.0.0.1 alone: its one listening socket in /proc/net/tcp is bound to 127.0.0.1 (not
    /// 0.0.0.0), and a connection to another loopback address (127.0.0.2, which reaches a socket bound to any
    /// address) or to the machine's own network addresses is refused.
    /// </summary>
    [Fact]
    public async Task Serve_listens_on_127_0_0_1_only_and_refuses_every_other_address()
    {
        await site.Ready();
        var port = site.Port.ToString("X4", CultureInfo.InvariantCulture);
        var listening = File.ReadAllLines("/proc/net/tcp").Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f[3] == "0A" && f[1].EndsWith(":" + port, StringComparison.Ordinal)).Select(f => f[1]).ToList();
        Assert.Equal(["0100007F:" + port], listening);
        Assert.DoesNotContain(File.ReadAllLines("/proc/net/tcp6").Skip(1), l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is var f && f[3] == "0A" && f[1].EndsWith(":" + port, StringComparison.Ordinal));

        var others = NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !a.Equals(IPAddress.Loopback)).Append(IPAddress.Parse("127.0.0.2")).Distinct().ToList();
        foreach (var address in others)
        {
            using var client = new TcpClient();
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
            deadline.CancelAfter(Wait);
            var refused = await Assert.ThrowsAsync<SocketException>(async () => await client.ConnectAsync(address, site.Port, deadline.Token));
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        }

        // and 127.0.0.1 itself is served
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync(ServedSite.Page, Token)).StatusCode);
    }

    [Fact]
    public async Task A_request_for_another_host_name_is_not_served_so_a_rebinding_page_cannot_read_the_preview()
    {
        await site.Ready();
        var answer = await RawHttp.Send(site.Port, RawHttp.Get("/" + ServedSite.Page, site.Port, host: $"attacker.example:{site.Port}"), Wait, Token);
        Assert.True(answer is { Status: 400 or 404, Closed: true }, answer.ToString());
        Assert.DoesNotContain("办公设备采购", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "/", true)]
    [InlineData("/a/b.html?x=%00#y", "/a/b.html", false)]
    [InlineData("/%E4%B8%AD%E6%96%87/", "/中文/", true)]
    [InlineData("/a%20b/c", "/a b/c", false)]
    public void A_well_formed_path_is_decoded_to_its_segments(string target, string path, bool folder)
    {
        var parsed = RequestPath.Parse(target);
        Assert.Null(parsed.Problem);
        Assert.Equal((path, folder), (parsed.Path, parsed.IsFolder));
    }

    [Fact]
    public async Task A_file_beside_the_site_is_never_served_whatever_the_encoding()
    {
        await site.Ready();
        Directory.CreateDirectory(site.Output + "-secret");
        File.WriteAllText(Path.Combine(site.Output + "-secret", "key.txt"), "secret");
        foreach (var target in new[] { "/../site-secret/key.txt", "/%2e%2e/site-secret/key.txt", "/%2e%2e%2fsite-secret%2fkey.txt", "/..%5csite-secret%5ckey.txt", "/%c0%ae%c0%ae/site-secret/key.txt" })
        {
            var answer = await RawHttp.Send(site.Port, RawHttp.Get(target, site.Port), Wait, Token);
            Assert.True(answer.Status is 400 or 404, $"{target}: {answer}");
            Assert.DoesNotContain("secret", answer.Text.Replace(target, "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }
}
