using PerfDisclosure.Build.Sharding;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Stages;

namespace PerfDisclosure.Build.OpenData;

/// <summary>
/// The .xlsx downloads: one per organisation-year (in that year's folder, linked from its page) and one for the
/// whole site (data/forms.xlsx, linked from the data page). Each holds the same tables as the CSVs.
/// </summary>
public sealed class WorkbookStage : IShardedStage, IDownloadStage
{
    public string Name => "xlsx";

    /// <summary>The site workbook (half the rows) is written beside the organisation-years, which share the other core.</summary>
    public void Run(BuildContext context) => Parallel.Invoke(
        () => RunShard(context, context.Site.ByOrganisation.Keys.ToHashSet(StringComparer.Ordinal)),
        () => RunGlobal(context));

    public void RunShard(BuildContext context, IReadOnlySet<string> organisations)
    {
        var site = context.Site;
        var years = site.ByOrganisation.Where(o => organisations.Contains(o.Key))
            .SelectMany(o => o.Value.GroupBy(f => f.Form.Year).Select(year => (Organisation: o.Key, Year: year.Key, Forms: year.ToList())));
        // Keyed, with the render cache, by what its forms are made of (FormJson.Inputs: a form's rows and date stamp are
        // a function of its file, layout and owner and the site digest): an organisation-year whose forms did not change is
        // reused without deriving its rows. Forms the loader did not hash key it by what the writer is given.
        var keys = context.Cache.Keeps ? new Caching.FormPageInputs.Keys(site, Pdf.PdfStage.WillPrint(context.Options)) : null;
        Parallel.ForEach(years, Parallelism.Until(context.Interrupt), year =>
        {
            var path = SitePaths.OrganisationYearWorkbook(year.Organisation, year.Year);
            var inputs = keys is null ? null : year.Forms.Select(f => FormJson.Inputs(keys, f)).ToList();
            if (inputs is not null && inputs.All(i => i is not null))
            {
                context.Cache.Write(context.Writer, path, new FormsInputs(inputs!), () => Workbook(site, year.Forms));
                return;
            }

            var (sheets, stamp) = Sheets(site, year.Forms);
            var materialised = sheets.Select(s => s with { Rows = s.Rows.ToList() }).ToList();
            context.Cache.Write(context.Writer, path, new WorkbookInputs(materialised, stamp), () => WorkbookWriter.Write(materialised, stamp));
        });
    }

    /// <summary>
    /// The site workbook, the longest download to make: a newer change (<see cref="BuildContext.Interrupt"/>) stops it
    /// between rows. Written straight into its file: at 100,000 forms it is 76 MB, which in memory (and copied out)
    /// cost twice that at the build's peak.
    /// </summary>
    public void RunGlobal(BuildContext context)
    {
        var (sheets, stamp) = Sheets(context.Site, context.Site.Forms, context.Interrupt);
        context.Writer.WriteSeekable(SitePaths.SiteWorkbook, file => WorkbookWriter.Write(file, sheets, stamp, piped: true));
    }

    /// <summary>The tables of these forms: the forms sheet and the indicators sheet, columns as these forms' layouts have them.</summary>
    /// <param name="piped">Sheets made on a second thread while this one compresses them (<see cref="WorkbookWriter.Write"/>).</param>
    public static byte[] Workbook(SiteModel site, IReadOnlyList<FormEntry> forms, CancellationToken interrupt = default, bool piped = false)
    {
        var (sheets, stamp) = Sheets(site, forms, interrupt);
        return WorkbookWriter.Write(sheets, stamp, piped);
    }

    private static (List<WorkbookWriter.WorkbookSheet> Sheets, DateOnly Stamp) Sheets(SiteModel site, IReadOnlyList<FormEntry> forms, CancellationToken interrupt = default)
    {
        var tables = new[] { OpenDataTables.Forms(site.Strings), OpenDataTables.Indicators(site.Strings, forms.Select(f => f.Layout).Distinct()) };
        var stamp = forms.Count == 0 ? OpenDataFacts.Modified(site) : forms.Max(f => f.Updated);
        return ([.. tables.Select(t => new WorkbookWriter.WorkbookSheet(t.Title, t.Columns, Checked(t.RowsOf(site, forms), interrupt)))], stamp);
    }

    private static IEnumerable<T> Checked<T>(IEnumerable<T> rows, CancellationToken interrupt)
    {
        foreach (var row in rows)
        {
            interrupt.ThrowIfCancellationRequested();
            yield return row;
        }
    }

    /// <summary>All an organisation-year workbook is made of: its key in the render cache.</summary>
    private sealed record WorkbookInputs(IReadOnlyList<WorkbookWriter.WorkbookSheet> Sheets, DateOnly Stamp);

    /// <summary>An organisation-year workbook's key when what its forms are made of is known: that, form by form, in order.</summary>
    private sealed record FormsInputs(IReadOnlyList<Caching.FormPageInputs> Forms);
}
