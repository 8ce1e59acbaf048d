using System.Net;
using PerfDisclosure.Build.Authoring;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Authoring;

/// <summary>
/// A preview server on 127.0.0.1 over a copy of content/ (HTML only unless asked, as <c>serve</c> is), running while a test uses it.
/// <see cref="Until{T}"/> and every request are bounded by <see cref="Limit"/>.
/// </summary>
public sealed class ServedSite : IAsyncDisposable
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(45);

    private readonly CancellationTokenSource stop = new(TimeSpan.FromMinutes(5));
    private readonly StringWriter log = new();
    private readonly Task running;

    /// <summary>Starts a server over a copy of content/ in a new folder (the constructor a class fixture needs).</summary>
    public ServedSite()
        : this(null, null, Repo.Templates, false)
    {
    }

    private ServedSite(string? content, string? output, string? templates, bool pdf)
    {
        Root = content is null ? Repo.TempDir("served") : Path.GetDirectoryName(content)!;
        Content = content ?? Repo.CopyTree(Path.Combine(Root, "content"));
        Output = output ?? Path.Combine(Root, "site");
        Port = RawHttp.FreePort();
        // As the command line makes it: options that allow PDFs, printed only when asked (--pdf).
        Server = new PreviewServer(new BuildOptions(Content, templates, Output, CacheDir: Path.Combine(Root, ".cache")), Port, TextWriter.Synchronized(log), "en", pdf);
        running = Server.RunAsync(stop.Token);
        Http = new HttpClient { BaseAddress = new Uri(Server.Address), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>
    /// Starts a server over a content folder a test made (and will move, remove, replace), into its own output folder,
    /// with the built-in theme or a site's own <paramref name="templates"/>, printing PDFs too when <paramref name="pdf"/> (<c>serve --pdf</c>).
    /// </summary>
    public static ServedSite Over(string content, string? output = null, string? templates = null, bool pdf = false) => new(content, output, templates ?? Repo.Templates, pdf);

    /// <summary>A page every build of content/ has.</summary>
    public const string Page = "sz-futian-investment-promotion/2024/office-equipment-purchase/";

    public string Root { get; }

    public string Content { get; }

    public string Output { get; }

    public int Port { get; }

    public PreviewServer Server { get; }

    public HttpClient Http { get; }

    public string Log => log.ToString();

    /// <summary>The form file that <see cref="Page"/> shows, under <paramref name="content"/> (this site's content by default).</summary>
    public string Form(string? content = null) => Path.Combine(content ?? Content, "forms", "sz-futian-investment-promotion", "2024", "office-equipment-purchase.yaml");

    /// <summary>Asks until the answer is the expected one; fails with the last answer and the server's log.</summary>
    public async Task<T> Until<T>(Func<Task<T>> fetch, Func<T, bool> done, string expected)
    {
        var deadline = DateTime.UtcNow + Limit;
        var last = "nothing";
        while (DateTime.UtcNow < deadline)
        {
            if (running.IsFaulted)
            {
                throw new InvalidOperationException("the preview server stopped:\n" + Log, running.Exception);
            }

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

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"the preview server did not {expected} within {Limit.TotalSeconds:0} s; last answer: {last}\nserver log:\n{Log}");
    }

    /// <summary>Waits for the first build to be served.</summary>
    public Task<HttpResponseMessage> Ready() =>
        Until(() => Http.GetAsync(Page, TestContext.Current.CancellationToken), r => r.StatusCode == HttpStatusCode.OK, "serve its first build");

    /// <summary>The text of <see cref="Page"/> once it contains <paramref name="text"/>.</summary>
    public Task<string> Shows(string text) =>
        Until(() => Http.GetStringAsync(Page, TestContext.Current.CancellationToken), t => t.Contains(text, StringComparison.Ordinal), $"show \"{text}\"");

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(20));
        Http.Dispose();
        stop.Dispose();
    }
}
