using PerfDisclosure.Build.Sharding;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Stages;

namespace PerfDisclosure.Build.OpenData;

/// <summary>
/// The .xlsx downloads: one per organisation-year (in that year's folder, linked from its page) and one for the
/// whole site (data/forms.xlsx, linked from the data page). Each holds the same tables as the CSVs.
/// </summary>
public sealed class WorkbookStage : IShardedStage
{
    public string Name => "xlsx";

    public void Run(BuildContext context)
    {
        RunShard(context, context.Site.ByOrganisation.Keys.ToHashSet(StringComparer.Ordinal));
        RunGlobal(context);
    }

    public void RunShard(BuildContext context, IReadOnlySet<string> organisations)
    {
        var site = context.Site;
        foreach (var (organisation, forms) in site.ByOrganisation.Where(o => organisations.Contains(o.Key)))
        {
            foreach (var year in forms.GroupBy(f => f.Form.Year))
            {
                context.Writer.WriteBytes(SitePaths.OrganisationYearWorkbook(organisation, year.Key), Workbook(site, [.. year]));
            }
        }
    }

    public void RunGlobal(BuildContext context) =>
        context.Writer.WriteBytes(SitePaths.SiteWorkbook, Workbook(context.Site, context.Site.Forms));

    /// <summary>The tables of these forms: the forms sheet and the indicators sheet, columns as these forms' layouts have them.</summary>
    public static byte[] Workbook(SiteModel site, IReadOnlyList<FormEntry> forms)
    {
        var tables = new[] { OpenDataTables.Forms(site.Strings), OpenDataTables.Indicators(site.Strings, forms.Select(f => f.Layout).Distinct()) };
        var stamp = forms.Count == 0 ? OpenDataFacts.Modified(site) : forms.Max(f => f.Updated);
        return WorkbookWriter.Write([.. tables.Select(t => new WorkbookWriter.WorkbookSheet(t.Title, t.Columns, t.RowsOf(site, forms)))], stamp);
    }
}
