using PerfDisclosure.Build.Stages;

namespace PerfDisclosure.Build.OpenData;

/// <summary>site/data/forms.csv and indicators.csv: for programs (the Data Package's resources); people get the .xlsx.</summary>
public sealed class CsvTablesStage : IDownloadStage
{
    public string Name => "csv";

    public void Run(BuildContext context)
    {
        foreach (var table in OpenDataTables.All(context.Site))
        {
            using var stream = context.Writer.Create(table.Path);
            using var text = new StreamWriter(stream, CsvWriter.Encoding);
            var csv = new CsvWriter(text);
            csv.WriteRow(table.Columns.Select(c => c.Name));
            foreach (var row in table.Rows(context.Site))
            {
                context.Interrupt.ThrowIfCancellationRequested(); // a newer change makes these rows again (serve)
                csv.WriteRow(row);
            }
        }
    }
}
