using System.Text;

namespace PerfDisclosure.Build.Importing;

/// <summary>
/// <c>perfdisclosure import</c>: reads .xlsx workbooks or tab-separated text, and writes each form found as
/// <c>forms/&lt;owner&gt;/&lt;year&gt;/&lt;slug&gt;.yaml</c>; never overwrites a file.
/// </summary>
public static class FormImport
{
    /// <summary>Reads one file's tables: every sheet of a workbook, or the text as one table.</summary>
    public static IReadOnlyList<SourceTable> ReadTables(string path)
    {
        var display = Loading.ContentLoader.DisplayPath(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".xlsx" or ".xlsm" => XlsxReader.Read(path, display),
            _ => [SourceTable.FromTsv(display, File.ReadAllText(path, Encoding.UTF8))],
        };
    }

    public static ImportResult Read(string path, ImportSettings settings)
    {
        var results = ReadTables(path).Select(t => TableImporter.Import(t, settings)).ToList();
        return new ImportResult([.. results.SelectMany(r => r.Forms)], [.. results.SelectMany(r => r.Unplaced)], [.. results.SelectMany(r => r.Notes)]);
    }

    /// <summary>Writes the forms that have an owner and a year; returns the files written.</summary>
    public static IReadOnlyList<string> Write(ImportResult result, string source, string contentDir)
    {
        var written = new List<string>();
        var number = 0;
        foreach (var form in result.Forms)
        {
            number++;
            if (form.Owner is not { } owner || form.Year is not { } year)
            {
                continue;
            }

            var code = form.Values.GetValueOrDefault("project_code")?.Text;
            var slug = code is not null && Core.Identifiers.IdentifierRules.Check(code) is null ? code : $"form-{number}";
            var folder = Path.Combine(contentDir, "forms", owner, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var path = Path.Combine(folder, slug + ".yaml");
            for (var n = 2; File.Exists(path); n++)
            {
                path = Path.Combine(folder, $"{slug}-{n}.yaml");
            }

            Directory.CreateDirectory(folder);
            File.WriteAllText(path, ImportedFormWriter.Text(form, source), new UTF8Encoding(false));
            written.Add(path);
        }

        return written;
    }
}
