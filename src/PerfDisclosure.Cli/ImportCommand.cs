using System.CommandLine;
using PerfDisclosure.Build.Importing;

namespace PerfDisclosure.Cli;

/// <summary><c>import</c>: converts forms held as tables (.xlsx, tab-separated text) into content files.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = ".xlsx workbooks or tab-separated .txt/.tsv files", Arity = ArgumentArity.OneOrMore };
        var year = new Option<int?>("--year", "-y") { Description = "Year of forms that print none (Shenzhen)" };
        var content = new Option<string>("--content") { Description = "Content folder to write forms into", DefaultValueFactory = _ => "content" };
        var templates = new Option<string>("--templates") { Description = "Site templates folder (layouts)", DefaultValueFactory = _ => "templates" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would be imported; write nothing" };
        var command = new Command("import", "Convert official forms held as tables (Excel .xlsx, or tab-separated text copied from Excel or extracted from a PDF) into content YAML. Every cell that could not be placed is reported with file, row and column (exit 1 when there are any), and so is every assumption made where the table reads more than one way (a warning).\n\nExamples:\n  perfdisclosure import 2024-targets.xlsx\n  perfdisclosure import --year 2024 futian.txt --dry-run")
        {
            files, year, content, templates, dryRun,
        };
        command.SetAction(parse =>
        {
            try
            {
                var settings = ImportSettings.Load(parse.GetValue(content)!, parse.GetValue(templates), parse.GetValue(year));

                // Every file is read and checked before anything is written: a bad file stops the run with nothing imported.
                var imports = parse.GetValue(files)!.Select(file => (File: file, Result: FormImport.Read(file, settings))).ToList();
                var written = parse.GetValue(dryRun) ? [.. imports.Select(_ => (IReadOnlyList<string>)[])] : ImportWriter.Write([.. imports.Select(i => (i.Result, Path.GetFileName(i.File)))], parse.GetValue(content)!);
                for (var i = 0; i < imports.Count; i++)
                {
                    var (file, result) = imports[i];
                    foreach (var line in result.Unplaced.Select(u => (u.Row, u.Column, Text: u.ToString())).Concat(result.Notes.Select(n => (n.Row, n.Column, Text: n.ToString()))).OrderBy(l => l.Row).ThenBy(l => l.Column))
                    {
                        Console.Error.WriteLine(line.Text);
                    }

                    var assumed = result.Notes.Count(n => n.Severity == Core.Diagnostics.Severity.Warning);
                    Console.WriteLine($"{file}: {result.Forms.Count} form(s), {written[i].Count} written, {result.Unplaced.Count} cell(s) not placed, {assumed} assumption(s) to check");
                    foreach (var path in written[i])
                    {
                        Console.WriteLine($"  {path}");
                    }
                }

                return imports.Any(i => i.Result.Unplaced.Count > 0) ? Commands.ContentErrors : Commands.Ok;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Core.Diagnostics.ContentException)
            {
                Console.Error.WriteLine(Invocation.OneLine(e));
                return Commands.CannotRun;
            }
        });
        return command;
    }
}
