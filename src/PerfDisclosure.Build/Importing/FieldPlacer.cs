using System.Globalization;
using System.Text.RegularExpressions;
using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Validation.Rules.Import;

namespace PerfDisclosure.Build.Importing;

/// <summary>
/// Places the form's fields by their printed labels: a value stands right of its label (the next non-empty cell
/// before another label) or, for long texts, below it in the same column; a group of groups (the self-evaluation
/// fund table) is a matrix of row labels and column headers.
/// </summary>
public static partial class FieldPlacer
{
    /// <summary>A layout field with its dotted path and its label as compared.</summary>
    public sealed record Entry(FieldDefinition Field, string Path, string Norm)
    {
        public string BaseNorm => Labels.Base(Norm);

        public bool IsMatrix => Field.Type == FieldType.Group && Field.Children.Count > 0 && Field.Children.All(c => c.Type == FieldType.Group);
    }

    public static IEnumerable<Entry> Flatten(IReadOnlyList<FieldDefinition> fields, string prefix)
    {
        foreach (var field in fields)
        {
            yield return new Entry(field, prefix + field.Key, Labels.Normalise(field.Label));
            if (field.Type == FieldType.Group && !new Entry(field, "", "").IsMatrix)
            {
                foreach (var child in Flatten(field.Children, prefix + field.Key + "."))
                {
                    yield return child;
                }
            }
        }
    }

    public static void Place(PlacingContext context, IReadOnlyList<IReadOnlyList<SourceCell>> rows)
    {
        var entries = Flatten(context.Layout.Fields, "").ToList();
        var used = new HashSet<string>(StringComparer.Ordinal);
        bool IsLabel(SourceCell cell) => !cell.IsEmpty && (Matches(entries, Labels.Normalise(cell.Text)).Any() || context.IsPrintedLabel(Labels.Normalise(cell.Text)));

        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            for (var c = 0; c < row.Count; c++)
            {
                var cell = row[c];
                if (cell.IsEmpty || context.Consumed.Contains(cell))
                {
                    continue;
                }

                var norm = Labels.Normalise(cell.Text);
                if (context.IsPrintedLabel(norm))
                {
                    context.Consumed.Add(cell);
                    continue;
                }

                var matches = Matches(entries, norm).Where(e => !used.Contains(e.Path)).ToList();
                if (matches.Count == 0)
                {
                    continue;
                }

                context.Consumed.Add(cell);

                // The same label twice (其他资金 left and right) means one field per occurrence; a shared stem
                // (总分 for 总分(分值) and 总分) means one label cell followed by several values.
                var targets = matches.All(m => m.Norm == matches[0].Norm) ? [matches[0]] : matches;
                targets.ForEach(t => used.Add(t.Path));
                if (targets[0].IsMatrix)
                {
                    PlaceMatrix(context, targets[0], rows, r, c);
                    continue;
                }

                if (targets[0].Field.Type == FieldType.Group)
                {
                    continue;
                }

                var right = row.Skip(c + 1).TakeWhile(x => !IsLabel(x)).Where(x => !x.IsEmpty && !context.Consumed.Contains(x)).ToList();
                for (var i = 0; i < targets.Count; i++)
                {
                    if (i < right.Count)
                    {
                        Assign(context, targets[i], right[i]);
                    }
                    else if ((targets[i].Field.Type == FieldType.Markdown || (right.Count == 0 && targets.Count == 1)) && Below(context, rows, r, cell, IsLabel) is { } below)
                    {
                        Assign(context, targets[i], below);
                    }
                }
            }
        }
    }

    private static IEnumerable<Entry> Matches(List<Entry> entries, string norm) =>
        norm.Length == 0 ? [] : entries.Where(e => e.Norm == norm || e.BaseNorm == norm);

    /// <summary>The first non-empty cell below in the same column, unless that cell is a label.</summary>
    private static SourceCell? Below(PlacingContext context, IReadOnlyList<IReadOnlyList<SourceCell>> rows, int r, SourceCell label, Func<SourceCell, bool> isLabel)
    {
        for (var below = r + 1; below < rows.Count; below++)
        {
            var cell = rows[below].FirstOrDefault(x => x.Column == label.Column);
            if (cell is null || cell.IsEmpty || context.Consumed.Contains(cell))
            {
                continue;
            }

            return isLabel(cell) ? null : cell;
        }

        return null;
    }

    /// <summary>Column headers right of the group's label; each following row whose label is a sub-group gives its values in header order.</summary>
    private static void PlaceMatrix(PlacingContext context, Entry group, IReadOnlyList<IReadOnlyList<SourceCell>> rows, int r, int c)
    {
        var columns = group.Field.Children[0].Children;
        var headers = new List<FieldDefinition>();
        var headerColumns = new List<int>();
        foreach (var cell in rows[r].Skip(c + 1).Where(x => !x.IsEmpty))
        {
            var norm = Labels.Normalise(cell.Text);
            if (columns.FirstOrDefault(f => Labels.Normalise(f.Label) == norm || Labels.Base(Labels.Normalise(f.Label)) == norm) is { } header)
            {
                headers.Add(header);
                headerColumns.Add(cell.Column);
                context.Consumed.Add(cell);
            }
        }

        for (var below = r + 1; below < rows.Count; below++)
        {
            var row = rows[below];
            var label = row.FirstOrDefault(x => !x.IsEmpty);
            var line = label is null ? null : group.Field.Children.FirstOrDefault(f => Labels.Normalise(f.Label) == Labels.Normalise(label.Text));
            if (line is null)
            {
                break;
            }

            context.Consumed.Add(label!);
            // Values stand under their headers (a PDF's grid, a workbook), else follow the label in header order (text
            // extracted with the values shifted off their headers, or a label cell merged across the values' columns).
            var after = row.SkipWhile(x => x != label).Skip(1).ToList();
            var values = after.Where(x => !x.IsEmpty).All(x => headerColumns.Contains(x.Column)) && label!.Column < headerColumns.FirstOrDefault()
                ? [.. headerColumns.Select(column => after.FirstOrDefault(x => x.Column == column) ?? new SourceCell(label.Row, column, string.Empty))]
                : after.Take(headers.Count).ToList();
            for (var i = 0; i < values.Count; i++)
            {
                context.Consumed.Add(values[i]);
                if (!values[i].IsEmpty && values[i].Text != "-")
                {
                    Assign(context, new Entry(headers[i], $"{group.Path}.{line.Key}.{headers[i].Key}", ""), values[i]);
                }
            }
        }
    }

    /// <summary>Places the cell's text in the field, read as the field's type; a value of the wrong type is reported, not placed.</summary>
    internal static void Assign(PlacingContext context, Entry entry, SourceCell cell)
    {
        context.Consumed.Add(cell);
        var text = cell.Text;
        switch (entry.Field.Type)
        {
            case FieldType.Amount or FieldType.Number when entry.Field.Placeholders.Contains(text.Trim()):
                text = text.Trim();
                break;
            case FieldType.Amount or FieldType.Number:
                if (CleanNumber.Read(text) is not { } number)
                {
                    context.Report(cell, ImportRules.WrongType, $"{entry.Path}（{entry.Field.Label}）要求数字：请写成数字，如 1234.5 或 1,234.5", $"not a number for {entry.Path} ({entry.Field.Label}): write it as digits, e.g. 1234.5 or 1,234.5");
                    return;
                }

                text = number;
                break;
            case FieldType.Date when !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                context.Report(cell, ImportRules.WrongType, $"{entry.Path}（{entry.Field.Label}）要求日期（YYYY-MM-DD）", $"not a date (YYYY-MM-DD) for {entry.Path} ({entry.Field.Label})");
                return;
            case FieldType.Organisation:
                if ((MatchOrganisation(context, text) ?? NewOrganisation(context, cell, entry)) is not { } match)
                {
                    return;
                }

                context.Form.Organisations[entry.Path] = match;
                break;
            case FieldType.Markdown:
                text = string.Join("\n\n", Markdown(text).Split("\n\n").Select(paragraph => context.Unwrap(cell, paragraph, 0)));
                break;
            case FieldType.Text or FieldType.Value:
                text = context.Unwrap(cell, text, 0);
                break;
        }

        context.Form.Values[entry.Path] = new ImportedValue(entry.Field, text, cell);
    }

    /// <summary>The organisation whose name is printed, exactly or with a note such as (汇总) or (本级) after it.</summary>
    private static (string Id, string? Printed)? MatchOrganisation(PlacingContext context, string printed)
    {
        var norm = Labels.Normalise(printed);
        foreach (var organisation in context.Settings.Organisations.Values.OrderBy(o => o.Id, StringComparer.Ordinal))
        {
            var name = Labels.Normalise(organisation.Name);
            if (name == norm)
            {
                return (organisation.Id, printed == organisation.Name ? null : printed);
            }

            if (Labels.Base(norm) == name)
            {
                return (organisation.Id, printed);
            }
        }

        return null;
    }

    /// <summary>
    /// A printed name no organisation file has: created with a generated id (<see cref="ImportNames.OrganisationId"/>), told
    /// as a warning to check; with <c>--no-new-organisations</c>, reported with the file to create.
    /// </summary>
    private static (string Id, string? Printed)? NewOrganisation(PlacingContext context, SourceCell cell, Entry entry)
    {
        var printed = cell.Text.Trim();

        // A note after the name (本级, 汇总) is the form's, not the organisation's: matched the same way (MatchOrganisation).
        var name = NameNote().Replace(printed, string.Empty);
        name = name.Length > 0 ? name : printed;
        var norm = Labels.Normalise(name);
        var told = context.Settings.NewOrganisations.ContainsKey(norm);
        if (!context.Settings.NewOrganisations.TryGetValue(norm, out var created))
        {
            var id = ImportNames.OrganisationId(name);
            created = new Core.Forms.Organisation(id, name, context.Layout.Jurisdiction, new Core.Diagnostics.SourceSpan(context.File, cell.Row, cell.Column));
            if (context.Settings.CreateOrganisations)
            {
                context.Settings.NewOrganisations[norm] = created;
            }
        }

        var file = $"content/organisations/{created.Id}.yaml";
        if (!context.Settings.CreateOrganisations)
        {
            context.Report(cell, ImportRules.UnknownOrganisation, $"content/organisations 中没有这个名称的机构（{entry.Path}，{entry.Field.Label}）；请新建 {file}（name: {name}，jurisdiction: {created.Jurisdiction}），或去掉 --no-new-organisations 由 import 新建", $"no organisation in content/organisations is named like this ({entry.Path}, {entry.Field.Label}); create {file} (name: {name}, jurisdiction: {created.Jurisdiction}), or import without --no-new-organisations to have it made");
            return null;
        }

        if (!told)
        {
            context.Notes.Add(new ImportNote(context.File, cell.Row, cell.Column, ImportRules.OrganisationCreated, $"新建机构文件 {file}（标识为生成的，名称“{name}”，地区“{created.Jurisdiction}”）：请核对，需要时改用更易读的标识（文件名与表单文件夹名一并改）", $"created the organisation file {file} (a generated id, name “{name}”, jurisdiction “{created.Jurisdiction}”): check it, and give it a more readable id if you like (rename the file and the forms' folder alike)"));
        }

        return (created.Id, printed == created.Name ? null : printed);
    }

    /// <summary>Extracted long texts keep the form's paragraphs as <c>&lt;p&gt;</c>; Markdown separates them by a blank line.</summary>
    private static string Markdown(string text)
    {
        var paragraphs = Paragraph().Matches(text).Select(m => m.Groups[1].Value.Trim()).Where(p => p.Length > 0).ToList();
        return paragraphs.Count == 0 ? text : string.Join("\n\n", paragraphs);
    }

    [GeneratedRegex(@"\s*[(（][^()（）]*[)）]$")]
    private static partial Regex NameNote();

    [GeneratedRegex("<p>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex Paragraph();
}
