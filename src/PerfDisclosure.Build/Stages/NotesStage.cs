using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Core.Validation;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Stages;

/// <summary>Writes notes/index.html: what each note on a form's page means, worded for readers, one anchor per code.</summary>
public sealed class NotesStage : IOutputStage
{
    public string Name => "notes";

    public void Run(BuildContext context)
    {
        var title = context.Site.Strings["title.notes"];
        var globals = PageContext.Globals(context.Site, FormNotes.PagePath, title, [PageContext.Home(context.Site), new(title, FormNotes.PagePath)]);
        globals["notes"] = RuleSet.Default.Rules.Where(r => r.CitizenNote is not null).Select(r => new ScriptObject
        {
            ["code"] = r.Code,
            ["anchor"] = r.Code.ToLowerInvariant(),
            ["text"] = Html.Escape(r.CitizenNote),
            ["check"] = Html.Escape(r.Title),
        }).ToList();
        context.Cache.Write(context.Writer, FormNotes.PagePath + "index.html", new PageView("layouts/notes.sbn-html", globals, FormNotes.PagePath), context.Renderer);
    }
}
