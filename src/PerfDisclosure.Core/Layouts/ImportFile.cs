using PerfDisclosure.Core.Schemas;

namespace PerfDisclosure.Core.Layouts;

/// <summary>
/// The keys of a layout's import patterns file (<c>templates/import/&lt;layout&gt;.yaml</c>): what <c>import</c>
/// needs to know about the layout's printed forms beyond its labels. The loader checks every one against it (PD0012)
/// and <c>schemas</c> publishes it as <c>import.schema.json</c>.
/// </summary>
public static class ImportFile
{
    private static readonly ObjectShape Root = new("What perfdisclosure import needs to know about a layout's printed forms beyond its labels (the file is named <layout>.yaml)",
    [
        new("printed_labels", new ListShape("Text the form prints as the heading of a block of cells, holding no value (compared without spaces)", new TextShape("A printed heading"))),
        new("titles", new ListShape("The titles that start a form of this layout in a spreadsheet or PDF besides the layout's own; {year} stands for the form's year", new TextShape("A title as printed, e.g. {year}年度项目支出绩效评价表"))),
        new("level_headers", new ObjectShape("The headers the indicator table prints over its three name columns, each with every wording a form of this layout may print (compared without spaces); without it import finds no indicator table",
        [
            new("level1", Level("the level-1 name column, e.g. 一级指标")),
            new("level2", Level("the level-2 name column, e.g. 二级指标")),
            new("level3", Level("the level-3 name column, e.g. 三级指标")),
        ])),
    ]);

    private static ListShape Level(string column) => new($"The headers of {column}", new TextShape("A header as printed"));

    public static FileSchema Schema { get; } = new("import", "PerfDisclosure import patterns of a layout (templates/import/<layout>.yaml)", Root);
}
