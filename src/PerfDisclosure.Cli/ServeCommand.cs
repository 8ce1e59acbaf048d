using System.CommandLine;
using PerfDisclosure.Build;
using PerfDisclosure.Build.Authoring;

namespace PerfDisclosure.Cli;

/// <summary><c>serve</c>: a live preview on 127.0.0.1 that rebuilds on every save and reloads the open page.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port", "-p") { Description = "Port on 127.0.0.1", DefaultValueFactory = _ => 8080 };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 65535)
            {
                UsageErrors.Add(result, $"--port {result.GetValueOrDefault<int>()}：端口应在 1 到 65535 之间", $"--port {result.GetValueOrDefault<int>()}: a port is 1 to 65535");
            }
        });
        var content = new Option<string>("--content") { Description = "Content folder (forms, organisations, pages)", DefaultValueFactory = _ => "content" };
        var templates = new Option<string>("--templates") { Description = "Site templates folder; its files override the built-in theme", DefaultValueFactory = _ => "templates" };
        var output = new Option<string>("--output", "-o") { Description = "Output folder, replaced atomically on each rebuild", DefaultValueFactory = _ => "site" };
        var cache = new Option<string>("--cache") { Description = "Render cache folder (unchanged pages are not rendered again)", DefaultValueFactory = _ => ".cache" };
        var language = Commands.MessageLanguageOption("Message language of errors, here and in the browser: zh or en");
        var pdf = new Option<bool>("--pdf") { Description = "Print the PDFs too, after each page has reloaded (the preview is HTML only by default, to reload within a second)" };
        var command = new Command("serve", "Build the site, serve it on 127.0.0.1, rebuild when content/ or templates/ change, and reload the open page. Every finding is printed here and shown on its page (staff panel, preview only). HTML only unless --pdf.\n\nExamples:\n  perfdisclosure serve\n  perfdisclosure serve --port 9000 --lang en\n  perfdisclosure serve --pdf")
        {
            port, content, templates, output, cache, language, pdf,
        };
        command.SetAction(async (parse, stop) =>
        {
            var options = new BuildOptions(parse.GetValue(content)!, parse.GetValue(templates), parse.GetValue(output)!, CacheDir: parse.GetValue(cache));
            var server = new PreviewServer(options, parse.GetValue(port), Console.Out, parse.GetValue(language)!, parse.GetValue(pdf));
            try
            {
                await server.RunAsync(stop);
                return Commands.Ok;
            }
            catch (System.Net.HttpListenerException e)
            {
                // Not an IOException: worded here, where the address is known, and printed by Invocation in --lang.
                throw new Build.Reporting.BilingualIOException(
                    $"无法在 {server.Address} 上监听：这个端口可能已被占用，请用 --port 换一个端口{Core.Diagnostics.OriginalText.InChinese(e.Message)}",
                    $"cannot listen on {server.Address}: {e.Message}",
                    e);
            }
        });
        return command;
    }
}
