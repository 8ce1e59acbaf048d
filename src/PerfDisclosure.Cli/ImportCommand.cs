using System.CommandLine;
using PerfDisclosure.Build.Importing;

namespace PerfDisclosure.Cli;

/// <summary><c>import</c>: converts forms held as tables (.xlsx, tab-separated text, extracted text, PDFs) into content files.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = ".xlsx workbooks, PDFs with text, tab-separated .txt/.tsv files or text with one cell per line", Arity = ArgumentArity.OneOrMore };
        var year = new Option<int?>("--year", "-y") { Description = "Year of forms that print none (Shenzhen)" };
        var content = new Option<string>("--content") { Description = "Content folder to write forms into", DefaultValueFactory = _ => "content" };
        var templates = new Option<string>("--templates") { Description = "Site templates folder (layouts)", DefaultValueFactory = _ => "templates" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would be imported; write nothing" };
        var partial = new Option<bool>("--partial") { Description = "Write the complete forms even when other forms have errors (those are reported and not written)" };
        var noNewOrganisations = new Option<bool>("--no-new-organisations") { Description = "Report an organisation name not found, with the file to create, instead of creating it" };
        var language = Commands.MessageLanguageOption();
        var command = new Command("import", "Convert official forms held as tables (Excel .xlsx, PDFs with text, tab-separated text, or text extracted from a PDF with one cell per line) into content YAML. Every source is read and placed before anything is written; a cell that cannot be placed or a value of the wrong type is reported at its place with its code, and then nothing is written (exit 1) unless --partial. Importing the same forms again updates the same files.\n\nExamples:\n  perfdisclosure import 2024-targets.xlsx\n  perfdisclosure import --year 2024 futian.txt --dry-run\n  perfdisclosure import --lang en published.pdf")
        {
            files, year, content, templates, dryRun, partial, noNewOrganisations, language,
        };
        command.SetAction(parse =>
        {
            var lang = parse.GetValue(language)!;
            try
            {
                var result = ImportRun.Run(parse.GetValue(files)!, new ImportOptions(parse.GetValue(content)!, parse.GetValue(templates), parse.GetValue(year), parse.GetValue(partial), parse.GetValue(dryRun), !parse.GetValue(noNewOrganisations)));
                foreach (var line in result.Lines(lang))
                {
                    Console.Error.WriteLine(line);
                }

                foreach (var line in result.Summary(lang))
                {
                    Console.WriteLine(line);
                }

                return result.HasErrors ? Commands.ContentErrors : Commands.Ok;
            }
            catch (SourceFileException e)
            {
                // A file that cannot be read is a finding with its code (PD1011); any other failure ends in Invocation.
                Console.Error.WriteLine(ImportRun.Unreadable(e, lang));
                return Commands.CannotRun;
            }
        });
        return command;
    }
}
