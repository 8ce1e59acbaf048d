using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Validation;

namespace PerfDisclosure.Build.Importing;

/// <summary>A cell the importer could not place in a form field: reported with its place and its rule instead of guessed.</summary>
public sealed record UnplacedCell(string File, int Row, int Column, string Text, Rule Rule, string ReasonZh, string Reason)
{
    public override string ToString() => $"{SourcePlace.Of(File, Row, Column)}: {Rule.Code}: {Reason}: “{Shown(Text)}”";

    /// <summary>The finding as <c>check</c> prints one: at its cell, with its code, in Chinese and English.</summary>
    public Diagnostic ToDiagnostic() => Rule.Report(new SourceSpan(File, Row, Column), $"{ReasonZh}：“{Shown(Text)}”", $"{Reason}: “{Shown(Text)}”");

    /// <summary>A cell's text as a report shows it: on one line, and cut after 200 characters with the length told.</summary>
    public static string Shown(string text)
    {
        var line = string.Concat(text.Take(200).Select(c => char.IsControl(c) ? ' ' : c));
        return text.Length > 200 ? $"{line}…（{text.Length} characters）" : line;
    }
}

/// <summary>
/// Something the importer tells without failing: an assumption it made where the table was ambiguous (a warning), or
/// text it left out on purpose, such as a compilation's title above the first form (info).
/// </summary>
public sealed record ImportNote(string File, int Row, int Column, Rule Rule, string MessageZh, string Message)
{
    public Severity Severity => Rule.Severity;

    public override string ToString() => $"{SourcePlace.Of(File, Row, Column)}: {Severity.ToString().ToLowerInvariant()} {Rule.Code}: {Message}";

    public Diagnostic ToDiagnostic() => Rule.Report(new SourceSpan(File, Row, Column), MessageZh, Message);
}

/// <summary>One value taken from the table: its text as printed and the cell it came from.</summary>
public sealed record ImportedValue(FieldDefinition Field, string Text, SourceCell At);

/// <summary>A form read from a table: its layout, year, field values by dotted path, and indicator rows.</summary>
public sealed class ImportedForm(LayoutDefinition layout, SourceCell title)
{
    public LayoutDefinition Layout { get; } = layout;

    /// <summary>The cell holding the form's title, where the form starts in the source.</summary>
    public SourceCell Title { get; private set; } = title;

    /// <summary>Whether <see cref="Title"/>'s row is a line of text of one cell per line (<see cref="OneCellPerLine"/>), not a table's row.</summary>
    public bool AtLine { get; private set; }

    /// <summary>Puts the title at the line of the text it was read from.</summary>
    public void MoveTitleToLine(int line)
    {
        Title = Title with { Row = line, Column = 1 };
        AtLine = true;
    }

    /// <summary>The table the form was read from (a file, a sheet, a PDF), as findings name it.</summary>
    public string File { get; init; } = string.Empty;

    public int? Year { get; set; }

    /// <summary>Field values by dotted path (<c>funds.total.initial_budget</c>), in the order they were found.</summary>
    public Dictionary<string, ImportedValue> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Organisation fields: the id matched from the printed name, and the printed name when it differs.</summary>
    public Dictionary<string, (string Id, string? Printed)> Organisations { get; } = new(StringComparer.Ordinal);

    /// <summary>Indicator rows: level1/level2/level3 and the layout's indicator columns, by key.</summary>
    public List<Dictionary<string, string>> Indicators { get; } = [];

    public string? ProjectName => Layout.PathOf(FieldRole.ProjectName) is { } path ? Values.GetValueOrDefault(path)?.Text : null;

    /// <summary>The form's non-empty source cells read into it: title, labels, headers and values (a formula-looking text kept as text among them).</summary>
    public int Placed { get; set; }

    /// <summary>What stops this form being written: its cells not placed and values of the wrong type (errors).</summary>
    public List<UnplacedCell> Problems { get; } = [];

    public bool IsComplete => Problems.Count == 0 && Owner is not null && Year is not null;

    public string? ProjectCode => Layout.PathOf(FieldRole.ProjectCode) is { } path ? Values.GetValueOrDefault(path)?.Text : null;

    public string? Owner => Organisations.TryGetValue(Layout.Owner, out var owner) ? owner.Id : null;
}

/// <summary>What an import found: the forms, every cell it could not place, and what it assumed or left out.</summary>
public sealed record ImportResult(IReadOnlyList<ImportedForm> Forms, IReadOnlyList<UnplacedCell> Unplaced, IReadOnlyList<ImportNote> Notes);
