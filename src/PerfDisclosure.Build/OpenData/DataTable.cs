using PerfDisclosure.Build.Site;

namespace PerfDisclosure.Build.OpenData;

/// <summary>A column of an open-data table, described as a Frictionless Table Schema field.</summary>
/// <param name="Name">The header as written in the file, and the schema field's name: Chinese, the theme's words.</param>
/// <param name="Identifier">The stable English identifier (the schema field's <c>title</c>): what yesterday's header was, and what a program keys on.</param>
/// <param name="Type">Table Schema type: string, integer, number, boolean, date.</param>
public sealed record DataColumn(string Name, string Identifier, string Type, string Description)
{
    /// <summary>What a fiscal-data consumer needs to know of the column (Fiscal Data Package), or null.</summary>
    public FiscalColumn? Fiscal { get; init; }
}

/// <summary>
/// Fiscal Data Package annotations of a column, which generic Table Schema readers ignore:
/// its <c>columnType</c> and, for an amount, its budget phase and unit.
/// </summary>
/// <param name="ColumnType">e.g. <c>value</c>, <c>date:fiscal-year</c>, <c>activity:generic:project:name</c>.</param>
/// <param name="Phase">For an amount: proposed, approved, adjusted or executed.</param>
/// <param name="UnitColumn">For an amount in each row's own unit: the column that names the unit (元 / 万元).</param>
/// <param name="Factor">For an amount always in one unit: how many yuan one unit is.</param>
public sealed record FiscalColumn(string ColumnType, string? Phase = null, string? UnitColumn = null, decimal? Factor = null);

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
    Func<SiteModel, IEnumerable<FormEntry>, IEnumerable<object?[]>> RowsOf,
    ForeignKey? References = null,
    Func<FormEntry, int>? RowsPerForm = null)
{
    /// <summary>The rows of every form of the site.</summary>
    public IEnumerable<object?[]> Rows(SiteModel site) => RowsOf(site, site.Forms);

    /// <summary>How many rows the site's forms give: counted from <see cref="RowsPerForm"/> without making them, where a table says how.</summary>
    public int Count(SiteModel site) => RowsPerForm is { } perForm ? site.Forms.Sum(perForm) : Rows(site).Count();

    /// <summary>The header of the column with this identifier.</summary>
    public string Header(string identifier) => Columns.First(c => c.Identifier == identifier).Name;
}

/// <summary>A number as the form prints it: its value, and the layout's display format (<c>#,##0.00</c>), which a spreadsheet applies.</summary>
public sealed record PrintedNumber(decimal Number, string? Format);

/// <summary>A column whose values are the <paramref name="TargetColumn"/> of rows in another table.</summary>
public sealed record ForeignKey(string Column, string Table, string TargetColumn);
