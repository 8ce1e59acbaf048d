using System.CommandLine;
using PerfDisclosure.Build;
using PerfDisclosure.Build.Sharding;

namespace PerfDisclosure.Cli;

/// <summary><c>merge</c>: combines the outputs of <c>build --shard K/N</c> into one site (docs/sharding.md).</summary>
public static class MergeCommand
{
    /// <summary>The <c>--shard K/N</c> option of <c>build</c>; a malformed value is a usage error naming it.</summary>
    public static Option<ShardSpec?> ShardOption() => new("--shard")
    {
        Description = "Build only shard K of N (split by organisation), for 'merge' to combine, e.g. --shard 2/4",
        CustomParser = result =>
        {
            try
            {
                return ShardSpec.Parse(result.Tokens[0].Value);
            }
            catch (FormatException e)
            {
                UsageErrors.Add(result, e);
                return null;
            }
        },
    };

    public static Command Create()
    {
        var shards = new Argument<string[]>("shards") { Description = "The output folders of 'build --shard 1/N' … 'build --shard N/N'", Arity = ArgumentArity.OneOrMore };
        shards.Validators.Add(result =>
        {
            // An option merge does not have would otherwise be taken for a shard folder.
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
            {
                UsageErrors.Add(result, $"未知选项 {token.Value}（以“-”开头的分片文件夹名写作 ./{token.Value}）", $"unknown option '{token.Value}' (a shard folder whose name starts with '-' is written ./{token.Value})");
            }
        });
        var content = new Option<string>("--content") { Description = "Content folder the shards were built from", DefaultValueFactory = _ => "content" };
        var templates = new Option<string>("--templates") { Description = "Site templates folder; its files override the built-in theme", DefaultValueFactory = _ => "templates" };
        var output = new Option<string>("--output", "-o") { Description = "Output folder, replaced atomically", DefaultValueFactory = _ => "site" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Public address of the site (the same as the shards were built with)" };
        var noPdf = new Option<bool>("--no-pdf") { Description = "Do not print PDFs (give it when the shards were built with it)" };
        var language = Commands.MessageLanguageOption();
        var command = new Command("merge", "Combine the outputs of 'build --shard K/N' into one site: copies the shards' pages, then builds the pages, data, feeds, sitemap and search index that need every form.\n\nExamples:\n  perfdisclosure build --shard 1/2 --output shard-1 --no-pdf\n  perfdisclosure build --shard 2/2 --output shard-2 --no-pdf\n  perfdisclosure merge shard-1 shard-2 --output site --no-pdf")
        {
            shards, content, templates, output, baseUrl, noPdf, language,
        };
        command.SetAction(parse =>
        {
            var options = new BuildOptions(parse.GetValue(content)!, parse.GetValue(templates), parse.GetValue(output)!, parse.GetValue(baseUrl), NoPdf: parse.GetValue(noPdf), MergeFrom: parse.GetValue(shards));
            var result = new SiteBuilder(options).Build(); // shards that cannot be merged (ShardMergeException) end in Invocation, in --lang
            Build.Reporting.DiagnosticWriter.Write(Console.Error, result.Diagnostics, "text", parse.GetValue(language)!);
            if (!result.Succeeded)
            {
                Console.Error.WriteLine(Core.Diagnostics.MessageLanguage.In(
                    parse.GetValue(language),
                    $"合并失败：{result.Errors} 个错误；{options.OutputDir} 保持原样",
                    $"merge failed: {result.Errors} error(s); {options.OutputDir} left as it was"));
                return Commands.ContentErrors;
            }

            Console.WriteLine($"merged {parse.GetValue(shards)!.Length} shards: {result.FormPages} forms, {result.FilesWritten} files into {options.OutputDir} ({string.Join(", ", result.Stages.Select(s => $"{s.Stage} {s.Time.TotalMilliseconds:0} ms"))})");
            return Commands.Ok;
        });
        return command;
    }
}
