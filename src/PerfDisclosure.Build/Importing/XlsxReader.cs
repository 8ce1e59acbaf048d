using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace PerfDisclosure.Build.Importing;

/// <summary>Reads every sheet of an .xlsx workbook as tables; a merged range keeps its text in its first cell only.</summary>
public static class XlsxReader
{
    static XlsxReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<SourceTable> Read(string path, string displayName)
    {
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var tables = new List<SourceTable>();
        do
        {
            var rows = new List<IReadOnlyList<SourceCell>>();
            var number = 0;
            while (reader.Read())
            {
                number++;
                var row = new List<SourceCell>();
                for (var column = 0; column < reader.FieldCount; column++)
                {
                    row.Add(new SourceCell(number, column + 1, Text(reader.GetValue(column))));
                }

                rows.Add(row);
            }

            // ExcelDataReader already returns merged ranges with the value in the top-left cell and nulls elsewhere.
            tables.Add(new SourceTable($"{displayName}#{reader.Name}", rows));
        }
        while (reader.NextResult());
        return tables;
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("0.############", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty,
    };
}
