using System.CommandLine;
using PerfDisclosure.Build;
using PerfDisclosure.Build.Reporting;

namespace PerfDisclosure.Cli;

/// <summary>The command line: verbs that parse options and call the build library.</summary>
public static class Commands
{
    public const int Ok = 0;
    public const int ContentErrors = 1;

    /// <summary>The command could not run at all (a usage error, a missing folder, a full disk): <see cref="Invocation"/> prints why, in one line.</summary>
    public const int CannotRun = 2;

    private static readonly Option<string> Content = new("--content") { Description = "Content folder (forms, organisations, pages)", DefaultValueFactory = _ => "content" };
    private static readonly Option<string> Templates = new("--templates") { Description = "Site templates folder; its files override the built-in theme", DefaultValueFactory = _ => "templates" };
    private static readonly Option<string> Output = new("--output", "-o") { Description = "Output folder, replaced atomically", DefaultValueFactory = _ => "site" };
    private static readonly Option<string?> BaseUrl = new("--base-url") { Description = "Public address of the site, e.g. https://example.gov.cn/budget/" };
    private static readonly Option<bool> Strict = new("--strict") { Description = "Warnings stop the build; templates may not read missing variables" };
    private static readonly Option<bool> NoPdf = new("--no-pdf") { Description = "Do not print PDFs" };
    private static readonly Option<bool> Drafts = new("--drafts") { Description = "Publish draft forms (draft: true) too, those without errors; drafts are left out by default" };
    private static readonly Option<bool> RequirePdf = new("--require-pdf") { Description = "Fail when PDFs cannot be printed (no PDF engine) instead of skipping them" };
    private static readonly Option<string?> PdfEngineDir = new("--pdf-engine-dir") { Description = "The PDF engine's folder (default: $PERFDISCLOSURE_PDF_ENGINE, then pdf-engine/ in the working folder or above it)" };
    private static readonly Option<string> Format = new("--format") { Description = "Diagnostic format", DefaultValueFactory = _ => "text" };
    private static readonly Option<string> Language = MessageLanguageOption();
    private static readonly Option<string> CacheDir = new("--cache") { Description = "Folder of rendered pages kept between builds; unchanged pages are not rendered again", DefaultValueFactory = _ => ".cache" };
    private static readonly Option<bool> NoCache = new("--no-cache") { Description = "Render every page, ignoring and not writing the cache" };
    private static readonly Option<Build.Sharding.ShardSpec?> Shard = MergeCommand.ShardOption();

    public static RootCommand Root()
    {
        Format.AcceptOnlyFromAmong([.. DiagnosticWriter.Formats]);
        var root = new RootCommand("PerfDisclosure: publishes budget performance forms (performance targets and self-evaluations) as an accessible static site.");
        root.Subcommands.Add(BuildCommand());
        root.Subcommands.Add(CheckCommand());
        root.Subcommands.Add(NewCommand.Create());
        root.Subcommands.Add(SchemasCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(MergeCommand.Create());
        return root;
    }

    /// <summary>
    /// <c>--lang</c>: the language of a command's diagnostics and of the line that ends it when it cannot run
    /// (<see cref="Invocation"/> finds it by name, also when the command failed).
    /// </summary>
    public static Option<string> MessageLanguageOption(string description = "Message language: zh or en")
    {
        var option = new Option<string>(Invocation.LanguageOption) { Description = description, DefaultValueFactory = _ => Core.Diagnostics.MessageLanguage.Chinese };
        option.AcceptOnlyFromAmong(Core.Diagnostics.MessageLanguage.Chinese, Core.Diagnostics.MessageLanguage.English);
        return option;
    }

    private static BuildOptions Options(ParseResult parse) => new(
        parse.GetValue(Content)!,
        parse.GetValue(Templates),
        parse.GetValue(Output)!,
        parse.GetValue(BaseUrl),
        parse.GetValue(Strict),
        parse.GetValue(NoPdf),
        parse.GetValue(RequirePdf),
        parse.GetValue(NoCache) ? null : parse.GetValue(CacheDir),
        parse.GetValue(Shard),
        PdfEngineDir: parse.GetValue(PdfEngineDir),
        Drafts: parse.GetResult(Drafts) is not null && parse.GetValue(Drafts));

    private static Command BuildCommand()
    {
        var command = new Command("build", "Check content/ and build the site into site/.\n\nExamples:\n  perfdisclosure build\n  perfdisclosure build --content content --output site --base-url https://example.gov.cn/budget/")
        {
            Content, Templates, Output, BaseUrl, Strict, Format, Language,
            NoPdf, RequirePdf, PdfEngineDir, CacheDir, NoCache,
            Shard, Drafts,
        };
        command.SetAction(parse =>
        {
            var builder = new SiteBuilder(Options(parse)) { Progress = BuildProgress.ForConsole() };
            var result = builder.Build();
            DiagnosticWriter.Write(Console.Error, result.Diagnostics, parse.GetValue(Format)!, parse.GetValue(Language)!);
            if (!result.Succeeded)
            {
                Console.Error.WriteLine(Core.Diagnostics.MessageLanguage.In(
                    parse.GetValue(Language),
                    $"构建失败：{result.Errors} 个错误，{result.Warnings} 个警告；{parse.GetValue(Output)} 保持原样",
                    $"build failed: {result.Errors} error(s), {result.Warnings} warning(s); {parse.GetValue(Output)} left as it was"));
                return ContentErrors;
            }

            var stages = string.Join(", ", result.Stages.Select(s => $"{s.Stage} {s.Time.TotalMilliseconds:0} ms"));
            if (result.Unchanged)
            {
                Console.WriteLine($"nothing changed since the last build: {parse.GetValue(Output)} left as it was ({result.FormPages} forms, {result.FilesWritten} files; {stages}); {result.Warnings} warning(s)");
                return Ok;
            }

            Console.WriteLine($"built {result.FormPages} forms, {result.FilesWritten} files into {parse.GetValue(Output)} ({stages}); {result.Warnings} warning(s){(result.DraftFindings > 0 ? $", {result.DraftFindings} draft finding(s)" : "")}");
            Console.WriteLine($"pages: {builder.Cache.Rendered.Count} rendered, {builder.Cache.Reused} unchanged (reused from the cache)");
            return Ok;
        });
        return command;
    }

    private static Command CheckCommand()
    {
        var command = new Command("check", "Validate content/ and print diagnostics; exit 1 when there are errors.\n\nExamples:\n  perfdisclosure check\n  perfdisclosure check --format json --lang en")
        {
            Content, Templates, Strict, Format, Language,
        };
        command.SetAction(parse =>
        {
            var (_, diagnostics) = new SiteBuilder(Options(parse)).Check();
            DiagnosticWriter.Write(Console.Out, diagnostics, parse.GetValue(Format)!, parse.GetValue(Language)!);
            var failed = diagnostics.Any(d => d.IsError || (parse.GetValue(Strict) && d.Severity == Core.Diagnostics.Severity.Warning && !d.Draft));
            return failed ? ContentErrors : Ok;
        });
        return command;
    }
}
