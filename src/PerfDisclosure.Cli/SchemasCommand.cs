using System.CommandLine;
using PerfDisclosure.Build.Authoring;

namespace PerfDisclosure.Cli;

/// <summary><c>schemas</c>: regenerates templates/schemas/ (layout, framework and scoring files, and &lt;layout&gt;.schema.json per layout) after a layout changed.</summary>
public static class SchemasCommand
{
    public static Command Create()
    {
        var templates = new Option<string>("--templates") { Description = "Templates folder whose layouts get schemas (written to its schemas/)", DefaultValueFactory = _ => "templates" };
        var language = Commands.MessageLanguageOption();
        var command = new Command("schemas", "Write the JSON Schemas of layout, framework and scoring files and one per layout (for its form files) into templates/schemas/, for editors (yaml-language-server).\n\nExamples:\n  perfdisclosure schemas\n  perfdisclosure schemas --templates my-site/templates")
        {
            templates, language,
        };
        command.SetAction(parse =>
        {
            try
            {
                foreach (var path in SchemaFiles.Write(parse.GetValue(templates)!))
                {
                    Console.WriteLine($"wrote {path}");
                }

                return Commands.Ok;
            }
            catch (Core.Diagnostics.ContentException e)
            {
                Console.Error.WriteLine(Build.Reporting.DiagnosticWriter.Text(e.Diagnostic, parse.GetValue(language)!));
                return Commands.ContentErrors;
            }
        });
        return command;
    }
}
