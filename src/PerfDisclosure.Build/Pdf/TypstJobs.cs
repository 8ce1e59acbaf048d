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

    /// <summary>
    /// The documents, made one organisation and year at a time as the printer takes them: its compilation (the longest
    /// document, so started first), then each of its forms. Only one organisation's forms are held at once, so what the
    /// build holds does not grow with the site. With <paramref name="fonts"/>, each form's and cover's characters the
    /// fonts do not print are reported (PD0811) as its documents are made.
    /// </summary>
    public static IEnumerable<TypstJob> Plan(BuildContext context, string engineVersion, FontCoverage? fonts = null)
    {
        var site = context.Site;
        var strings = site.Strings;
        var words = PrintWords.From(strings);
        var sourceDate = Publishing.SourceDate.FromEnvironment();
        var done = new HashSet<FormEntry>();
        foreach (var organisation in site.Organisations)
        {
            if (!site.ByOrganisation.TryGetValue(organisation.Id, out var owned))
            {
                continue;
            }

            foreach (var year in owned.Select(f => f.Form.Year).Distinct())
            {
                var entries = site.FormsOf(organisation.Id, year).ToList();
                var forms = Read(context, entries, fonts);
                var title = CompilationDocument.Title(strings, entries, year);
                if (fonts is not null)
                {
                    Report(context, MissingGlyphs.OfCover(fonts, organisation, title));
                }

                var date = ReproduciblePdf.DateOf(sourceDate, entries.Max(f => f.Updated));
                var source = TypstDocument.Compilation([.. entries.Select(e => forms[e].Form)], words, organisation.Name, title, date);
                yield return Job(PdfPaths.Compilation(organisation.Id, year), source, engineVersion, date);
                foreach (var entry in entries.Where(done.Add))
                {
                    yield return FormJob(entry, forms[entry].Form, forms[entry].Title, words, sourceDate, engineVersion);
                }
            }
        }

        // A form no organisation lists (none in a loaded site: every form's owner is one) is printed all the same.
        foreach (var entry in site.Forms.Where(done.Add))
        {
            var forms = Read(context, [entry], fonts);
            yield return FormJob(entry, forms[entry].Form, forms[entry].Title, words, sourceDate, engineVersion);
        }
    }

    private static TypstJob FormJob(FormEntry entry, PrintedForm form, string title, PrintWords words, DateTimeOffset? sourceDate, string engineVersion)
    {
        var date = ReproduciblePdf.DateOf(sourceDate, entry.Updated);
        var source = TypstDocument.Form(form, words, title, entry.Owner.Name, date);
        return Job(PdfPaths.Form(entry), source, engineVersion, date);
    }

    /// <summary>The printed forms of some entries, read from their pages in parallel; the fonts' misses reported in order.</summary>
    private static Dictionary<FormEntry, (PrintedForm Form, string Title)> Read(BuildContext context, IReadOnlyList<FormEntry> entries, FontCoverage? fonts)
    {
        var strings = context.Site.Strings;
        var forms = new Dictionary<FormEntry, (PrintedForm, string)>();
        Parallel.ForEach(entries, Parallelism.PerCore, entry =>
        {
            var html = File.ReadAllText(context.Writer.Locate(entry.Path + "index.html"));
            var form = Read(html, strings.Format("print.entry", ("project", entry.Form.ProjectName), ("title", entry.Layout.Title)), entry);
            var title = Rendering.PageRenderer.FormTitle(strings, entry);
            lock (forms)
            {
                forms[entry] = (form, title);
            }
        });

        if (fonts is not null)
        {
            foreach (var entry in entries)
            {
                Report(context, MissingGlyphs.Of(fonts, entry.Form, forms[entry].Item1, forms[entry].Item2));
            }
        }

        return forms;
    }

    private static void Report(BuildContext context, IEnumerable<Core.Diagnostics.Diagnostic> findings)
    {
        foreach (var finding in findings)
        {
            context.Report(finding);
        }
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
