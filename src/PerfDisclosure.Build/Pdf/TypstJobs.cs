using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Stages;

namespace PerfDisclosure.Build.Pdf;

/// <summary>
/// The documents the engine typesets: one per form, from the form table of its page in the staging folder, and one
/// compilation per organisation and year from the same forms. The cache key is the document itself (every text,
/// the structure and the metadata are in it) and the engine's version.
/// </summary>
public static class TypstJobs
{
    /// <summary>What the printed form is: the official form's tables in the page's main; the rest of the page is the web's.</summary>
    public const string FormTables = "main table.official-form";

    /// <summary>Compilations first: they are the longest documents, and starting them first keeps every worker busy to the end.</summary>
    public static IReadOnlyList<TypstJob> Plan(BuildContext context, string engineVersion)
    {
        var site = context.Site;
        var strings = site.Strings;
        var words = PrintWords.From(strings);
        var sourceDate = Publishing.SourceDate.FromEnvironment();
        var forms = new Dictionary<FormEntry, PrintedForm>();
        Parallel.ForEach(site.Forms, Parallelism.PerCore, entry =>
        {
            var html = File.ReadAllText(context.Writer.Locate(entry.Path + "index.html"));
            var form = Read(html, strings.Format("print.entry", ("project", entry.Form.ProjectName), ("title", entry.Layout.Title)), entry);
            lock (forms)
            {
                forms[entry] = form;
            }
        });

        var jobs = new List<TypstJob>();
        foreach (var organisation in site.Organisations)
        {
            foreach (var year in site.ByOrganisation[organisation.Id].Select(f => f.Form.Year).Distinct())
            {
                var entries = site.FormsOf(organisation.Id, year).ToList();
                var title = CompilationDocument.Title(strings, entries, year);
                var date = ReproduciblePdf.DateOf(sourceDate, entries.Max(f => f.Updated));
                var source = TypstDocument.Compilation([.. entries.Select(e => forms[e])], words, organisation.Name, title, date);
                jobs.Add(Job(PdfPaths.Compilation(organisation.Id, year), source, engineVersion, date));
            }
        }

        foreach (var entry in site.Forms)
        {
            var date = ReproduciblePdf.DateOf(sourceDate, entry.Updated);
            var source = TypstDocument.Form(forms[entry], words, Rendering.PageRenderer.FormTitle(strings, entry), entry.Owner.Name, date);
            jobs.Add(Job(PdfPaths.Form(entry), source, engineVersion, date));
        }

        return jobs;
    }

    /// <summary>A document to typeset; its key: the engine, the TH rewrite and the document's text.</summary>
    public static TypstJob Job(string sitePath, TypstSource source, string engineVersion, DateTimeOffset date) =>
        new(sitePath, source.Text, PdfCache.Key("typst", engineVersion + TaggedHeaders.Version, source.Text), date, source.HeaderCells);

    /// <summary>The printed form of a page: its official form tables as rendered, with its layout's print hints.</summary>
    public static PrintedForm Read(string html, string heading, FormEntry entry) =>
        Read(html, heading, entry.Layout.Landscape, entry.Layout.Print);

    public static PrintedForm Read(string html, string heading, bool landscape, Core.Layouts.PrintHints hints)
    {
        var document = new HtmlParser().ParseDocument(html);
        var tables = document.QuerySelectorAll(FormTables).OfType<IHtmlTableElement>().Select(FormTable.Read).ToList();
        return new PrintedForm(heading, landscape, tables, hints);
    }
}
