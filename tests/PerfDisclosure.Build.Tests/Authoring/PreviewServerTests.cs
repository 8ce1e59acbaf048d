using System.Net;
using System.Net.Sockets;
using PerfDisclosure.Build.Authoring;
using PerfDisclosure.Build.Tests.Caching;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Authoring;

public class PreviewServerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(45);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_shows_a_change_then_an_error_with_its_file_and_line_then_the_fixed_page()
    {
        var (content, cache, output) = IncrementalBuildTests.Workspace();
        var port = FreePort();
        using var log = new StringWriter();
        var server = new PreviewServer(new BuildOptions(content, Repo.Templates, output, CacheDir: cache), port, TextWriter.Synchronized(log), "en");
        using var stop = new CancellationTokenSource(Limit);
        var running = server.RunAsync(stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri(server.Address), Timeout = TimeSpan.FromSeconds(10) };
        const string Page = "sz-futian-investment-promotion/2024/office-equipment-purchase/";
        var form = Path.Combine(content, "forms", "sz-futian-investment-promotion", "2024", "office-equipment-purchase.yaml");
        try
        {
            var first = await Until(() => running.IsFaulted ? throw running.Exception! : http.GetAsync(Page, Token), r => r.StatusCode == HttpStatusCode.OK);
            var html = await first.Content.ReadAsStringAsync(Token);
            Assert.Contains("办公设备采购", html);
            Assert.Contains($"<script src=\"{PreviewServer.Prefix}live-reload.js\" defer></script>", html);
            Assert.Contains("location.reload", await http.GetStringAsync(PreviewServer.Prefix.TrimStart('/') + "live-reload.js", Token));

            // A change: the page shows it after the rebuild the watcher starts.
            var original = File.ReadAllText(form);
            File.WriteAllText(form, original.Replace("project_name: 办公设备采购", "project_name: 办公设备采购二期", StringComparison.Ordinal));
            await Until(() => http.GetStringAsync(Page, Token), t => t.Contains("办公设备采购二期", StringComparison.Ordinal));

            // An error: every page shows it with file and line.
            File.WriteAllText(form, original.Replace("project_name: 办公设备采购", "project_name: \"办公设备采购", StringComparison.Ordinal));
            var broken = await Until(() => http.GetAsync(Page, Token), r => r.StatusCode == HttpStatusCode.InternalServerError);
            var error = await broken.Content.ReadAsStringAsync(Token);
            Assert.Contains("office-equipment-purchase.yaml:7:", error);
            Assert.Contains("PD0001", error);
            Assert.Contains("live-reload.js", error);

            // Fixed: the page is back.
            File.WriteAllText(form, original);
            var back = await Until(() => http.GetAsync(Page, Token), r => r.StatusCode == HttpStatusCode.OK);
            Assert.DoesNotContain("办公设备采购二期", await back.Content.ReadAsStringAsync(Token));
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("no-such-page.css", Token)).StatusCode);
            Directory.CreateDirectory(output + "-secret");
            File.WriteAllText(Path.Combine(output + "-secret", "key.txt"), "secret");
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("../site-secret/key.txt", Token)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("%2e%2e/site-secret/key.txt", Token)).StatusCode);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException("server log:\n" + log, e);
        }
        finally
        {
            await stop.CancelAsync();
            await running.WaitAsync(TimeSpan.FromSeconds(10), Token);
        }
    }

    [Fact]
    public async Task A_build_that_fails_unexpectedly_is_shown_in_the_browser_under_its_registered_code()
    {
        var (content, cache, _) = IncrementalBuildTests.Workspace();
        // The output's parent is a file: the staging folder cannot be created, an I/O failure no content rule catches.
        var blocker = Path.Combine(Repo.TempDir("blocked"), "not-a-folder");
        File.WriteAllText(blocker, "a file, not a folder");
        var port = FreePort();
        using var log = new StringWriter();
        var server = new PreviewServer(new BuildOptions(content, Repo.Templates, Path.Combine(blocker, "site"), CacheDir: cache), port, TextWriter.Synchronized(log), "en");
        using var stop = new CancellationTokenSource(Limit);
        var running = server.RunAsync(stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri(server.Address), Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            var page = await Until(() => running.IsFaulted ? throw running.Exception! : http.GetAsync("", Token), r => r.StatusCode == HttpStatusCode.InternalServerError);
            var error = await page.Content.ReadAsStringAsync(Token);
            Assert.Contains("PD0000", error);
            Assert.NotNull(Core.Validation.RuleSet.Default.Find("PD0000"));
            Assert.Contains("build failed", log.ToString());
        }
        finally
        {
            await stop.CancelAsync();
            await running.WaitAsync(TimeSpan.FromSeconds(10), Token);
        }
    }

    private static async Task<T> Until<T>(Func<Task<T>> fetch, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + Limit;
        var last = "nothing";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var value = await fetch();
                if (done(value))
                {
                    return value;
                }

                last = value is HttpResponseMessage r ? $"HTTP {(int)r.StatusCode}" : $"{value}"[..Math.Min(300, $"{value}".Length)];
            }
            catch (HttpRequestException e)
            {
                last = e.Message; // not listening yet
            }

            await Task.Delay(100, Token);
        }

        throw new TimeoutException($"the preview server did not show the expected page in time; last answer: {last}");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
