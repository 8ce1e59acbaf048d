using System.CommandLine;
using PerfDisclosure.Build.Authoring;

namespace PerfDisclosure.Cli;

/// <summary><c>new</c>: scaffolds a form file with every field of its layout and the indicator skeleton.</summary>
public static class NewCommand
{
    public static Command Create()
    {
        var layout = new Option<string>("--layout", "-l") { Description = "Layout id (templates/layouts/forms/<id>.yaml)", Required = true };
        var organisation = new Option<string>("--organisation", "--org") { Description = "Owner organisation id (content/organisations/<id>.yaml)", Required = true };
        var year = new Option<int>("--year", "-y") { Description = "Budget year", Required = true };
        var slug = new Argument<string>("slug") { Description = "File name of the new form, without .yaml (lower-case letters, digits, '-')" };
        var name = new Option<string?>("--name") { Description = "项目名称 (project name)" };
        var content = new Option<string>("--content") { Description = "Content folder", DefaultValueFactory = _ => "content" };
        var templates = new Option<string>("--templates") { Description = "Site templates folder", DefaultValueFactory = _ => "templates" };
        var language = Commands.MessageLanguageOption();
        var command = new Command("new", "Create a form file for a layout, organisation and year, with every field and the indicator skeleton ready to fill.\n\nExamples:\n  perfdisclosure new --layout shenzhen-target --org sz-futian-investment-promotion --year 2025 office-rent --name 办公场地租赁\n  perfdisclosure new -l shanghai-self-evaluation --org sh-hongqiao-investment-service -y 2025 talent-services")
        {
            slug, layout, organisation, year, name, content, templates, language,
        };
        command.SetAction(parse =>
        {
            // A request that cannot be scaffolded (ScaffoldException) or a file that exists ends in Invocation, in --lang.
            var path = FormScaffold.Create(new FormScaffold.Request(parse.GetValue(content)!, parse.GetValue(templates), parse.GetValue(layout)!, parse.GetValue(organisation)!, parse.GetValue(year), parse.GetValue(slug)!, parse.GetValue(name)));
            Console.WriteLine($"created {path}");
            return Commands.Ok;
        });
        return command;
    }
}
