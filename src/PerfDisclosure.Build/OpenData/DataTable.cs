using PerfDisclosure.Build.Site;

namespace PerfDisclosure.Build.OpenData;

/// <summary>A column of an open-data table, described as a Frictionless Table Schema field.</summary>
/// <param name="Type">Table Schema type: string, integer, number, boolean, date.</param>
public sealed record DataColumn(string Name, string Type, string Title, string Description);

/// <summary>
/// One CSV file of the open data: its columns and its rows. The CSV writer and the Data Package schema both
/// read this, so the schema always describes the file as written.
/// </summary>
public sealed record DataTable(
    string Name,
    string Path,
    string Title,
    string Description,
    IReadOnlyList<DataColumn> Columns,
    IReadOnlyList<string> PrimaryKey,
    Func<SiteModel, IEnumerable<object?[]>> Rows,
    ForeignKey? References = null);

/// <summary>A column whose values are the <paramref name="TargetColumn"/> of rows in another table.</summary>
public sealed record ForeignKey(string Column, string Table, string TargetColumn);
