using PerfDisclosure.Build.Site;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Schemas;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Rendering;

/// <summary>
/// The object a form template sees as <c>form</c>: every layout field as display HTML under <c>form.f</c>,
/// and the indicator table with its merged cells and the header associations of WCAG technique H43.
/// </summary>
public static class FormView
{
    /// <summary>What listings and charts call a self-evaluation's 总分 and 评分等级: the roles' names.</summary>
    public static readonly string TotalScoreName = RoleNames.Snake(FieldRole.TotalScore);

    public static readonly string GradeName = RoleNames.Snake(FieldRole.Grade);

    public static ScriptObject Build(FormEntry entry, SiteModel site)
    {
        var form = entry.Form;
        var layout = entry.Layout;
        var view = new ScriptObject
        {
            ["id"] = form.Id,
            ["slug"] = form.Slug,
            ["path"] = entry.Path,
            ["year"] = form.Year,
            ["project_name"] = Html.Escape(form.ProjectName),
            ["classified"] = form.Classified,
            ["owner"] = Organisation(entry.Owner),
            ["layout"] = Layout(layout, site.Strings),
            ["amount"] = Html.Escape(entry.Amount is { } a ? Html.FormatNumber(a, layout.FieldAt(layout.Amount)?.Format) : string.Empty),
            ["f"] = Fields(form.Fields, layout.Fields, site.OrganisationName),
            ["indicators"] = Indicators(form, layout, site.OrganisationName),
            ["indicator_count"] = form.Indicators.Count,
            ["execution_block"] = ExecutionView.Build(form, layout, site.OrganisationName),
            ["after"] = Section(form, layout, FieldSection.After, site.OrganisationName),
            ["footer"] = Section(form, layout, FieldSection.Footer, site.OrganisationName),
            ["after_rows"] = SectionRows.Of(layout, FieldSection.After, Section(form, layout, FieldSection.After, site.OrganisationName)),
            ["footer_rows"] = SectionRows.Of(layout, FieldSection.Footer, Section(form, layout, FieldSection.Footer, site.OrganisationName)),
            ["reading"] = FormReading.Build(form, layout, site.OrganisationName),
            ["template"] = $"layouts/forms/{layout.Template}.sbn-html",
            ["notes"] = FormNotes.Build(site.FindingsOf(form)),
            ["companions"] = site.CompanionsOf(entry).Select(c => new ScriptObject
            {
                ["path"] = c.Path,
                ["kind_label"] = Html.Escape(site.Strings.Kind(c.IsSelfEvaluation)),
                ["title"] = Html.Escape(c.Layout.Title),
                ["project_name"] = Html.Escape(c.Form.ProjectName),
            }).ToList(),
            ["is_self_evaluation"] = entry.IsSelfEvaluation,
            ["years"] = site.OtherYearsOf(entry) is { Count: > 0 } others
                ? others.Append(entry).OrderByDescending(c => c.Form.Year).Select(c => new ScriptObject
                {
                    ["path"] = c.Path,
                    ["year"] = c.Form.Year,
                    ["current"] = ReferenceEquals(c, entry),
                    [TotalScoreName] = c.TotalScore is { } score ? Html.FormatNumber(score, "0.00") : string.Empty,
                    [GradeName] = Html.Escape(c.Grade ?? string.Empty),
                    ["amount"] = Html.TenThousandYuan(c.AmountInYuan),
                }).ToList()
                : [],
            ["companion_missing"] = Html.Escape(site.Strings.Format("citizens.no_companion", ("year", form.Year), ("kind", site.Strings.Kind(!entry.IsSelfEvaluation)))),
            ["grade_bands"] = entry.Scoring is { } scoring ? ScoreExplanation.Bands(scoring, site.Strings) : [],
        };
        return view;
    }

    public static ScriptObject Organisation(Organisation organisation) => new()
    {
        ["id"] = organisation.Id,
        ["name"] = Html.Escape(organisation.Name),
        ["jurisdiction"] = Html.Escape(organisation.Jurisdiction),
        ["path"] = SitePaths.Organisation(organisation.Id),
    };

    public static ScriptObject Layout(LayoutDefinition layout, Theme.ThemeStrings strings) => new()
    {
        ["id"] = layout.Id,
        ["title"] = Html.Escape(layout.Title),
        ["kind"] = EnumNames.Name(layout.Kind),
        ["kind_label"] = Html.Escape(strings.Kind(layout.Kind == FormKind.SelfEvaluation)),
        ["amount_unit"] = Html.Escape(layout.AmountUnit),
        ["landscape"] = layout.Landscape,
        ["labels"] = Labels(layout.Fields),
        ["columns"] = layout.IndicatorColumns.Select((c, i) => new ScriptObject
        {
            ["key"] = c.Key,
            ["label"] = Html.Escape(c.Label),
            ["id"] = $"col-{c.Key}",
            ["numeric"] = c.Type is FieldType.Number or FieldType.Amount,
            ["group_id"] = ColumnGroups.IdOf(layout, c) ?? string.Empty,
        }).ToList(),
        ["grouped"] = layout.IndicatorColumns.Any(c => c.Group is not null),
        ["header"] = ColumnGroups.FirstRow(layout),
        ["level_labels"] = LevelLabels(layout, strings),
    };

    /// <summary>The headers of the indicator table's name columns, by column (<c>level1</c> …).</summary>
    private static ScriptObject LevelLabels(LayoutDefinition layout, Theme.ThemeStrings strings)
    {
        var labels = new ScriptObject();
        foreach (var level in LayoutFile.LevelColumns)
        {
            labels[level] = Html.Escape(strings.LevelLabel(layout, level));
        }

        return labels;
    }

    private static ScriptObject Labels(IReadOnlyList<FieldDefinition> fields)
    {
        var labels = new ScriptObject();
        foreach (var field in fields)
        {
            if (field.Type is FieldType.Group or FieldType.Table)
            {
                var group = Labels(field.Children);
                group["_label"] = Html.Escape(field.Label);
                labels[field.Key] = group;
            }
            else
            {
                labels[field.Key] = Html.Escape(field.Label);
            }
        }

        return labels;
    }

    private static ScriptObject Fields(FieldSet values, IReadOnlyList<FieldDefinition> definitions, Func<string, string> organisationName)
    {
        var fields = new ScriptObject();
        foreach (var definition in definitions)
        {
            var value = values[definition.Key];
            fields[definition.Key] = definition.Type switch
            {
                FieldType.Group => Fields(value is GroupValue g ? g.Fields : FieldSet.Empty, definition.Children, organisationName),
                FieldType.Table => Table(value as TableValue, definition, organisationName),
                _ => Html.Display(value, definition, organisationName),
            };
        }

        return fields;
    }

    /// <summary>
    /// A table field as <c>form.f.&lt;key&gt;</c>: its <c>label</c>, <c>columns</c> (<c>key</c>, <c>label</c>, <c>id</c>,
    /// <c>numeric</c>) and <c>rows</c>, each with <c>total</c> (the 合计 row) and <c>cells</c> (<c>key</c>, <c>html</c>,
    /// <c>numeric</c>, <c>headers</c>); a cell's <c>headers</c> name its column and the row's first cell.
    /// </summary>
    private static ScriptObject Table(TableValue? value, FieldDefinition table, Func<string, string> organisationName)
    {
        var rows = value?.Rows ?? [];
        return new ScriptObject
        {
            ["key"] = table.Key,
            ["id"] = $"table-{table.Key}",
            ["label"] = Html.Escape(table.Label),
            ["columns"] = table.Children.Select(c => new ScriptObject
            {
                ["key"] = c.Key,
                ["label"] = Html.Escape(c.Label),
                ["id"] = $"{table.Key}-{c.Key}",
                ["numeric"] = c.Type is FieldType.Number or FieldType.Amount,
            }).ToList(),
            ["rows"] = rows.Select((row, i) => new ScriptObject
            {
                ["id"] = $"{table.Key}-r{i + 1}",
                ["total"] = table.TotalRow is { } total && row.Fields.TextAt(total.Column)?.Trim() == total.Label,
                ["cells"] = table.Children.Select((c, j) => new ScriptObject
                {
                    ["key"] = c.Key,
                    ["html"] = Html.Display(row.Fields[c.Key], c, organisationName),
                    ["numeric"] = c.Type is FieldType.Number or FieldType.Amount,
                    ["headers"] = j == 0 ? $"{table.Key}-{c.Key}" : $"{table.Key}-{c.Key} {table.Key}-r{i + 1}",
                }).ToList(),
            }).ToList(),
        };
    }

    /// <summary>The fields a layout places after the indicator table or in the footer (<c>section:</c>), in declared order.</summary>
    private static List<ScriptObject> Section(Form form, LayoutDefinition layout, FieldSection section, Func<string, string> organisationName) =>
        [.. layout.Fields.Where(f => f.Section == section).Select(f => new ScriptObject
        {
            ["key"] = f.Key,
            ["label"] = Html.Escape(f.Label),
            ["html"] = Html.Display(form.Fields[f.Key], f, organisationName),
            ["text"] = f.Type == FieldType.Markdown,
        })];

    private static List<ScriptObject> Indicators(Form form, LayoutDefinition layout, Func<string, string> organisationName)
    {
        var rows = form.Indicators;
        var level1Spans = layout.MergeLevels ? IndicatorTable.Level1Spans(rows) : [.. rows.Select(_ => 1)];
        var level2Spans = layout.MergeLevels ? IndicatorTable.Level2Spans(rows) : [.. rows.Select(_ => 1)];
        var result = new List<ScriptObject>(rows.Count);
        string level1Id = string.Empty, level2Id = string.Empty;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var number = i + 1;
            if (level1Spans[i] > 0)
            {
                level1Id = $"r{number}-l1";
            }

            if (level2Spans[i] > 0)
            {
                level2Id = $"r{number}-l2";
            }

            var level3Id = $"r{number}-l3";
            var rowHeaders = $"{level1Id} {level2Id} {level3Id}";
            result.Add(new ScriptObject
            {
                ["number"] = number,
                ["level1"] = Html.Escape(row.Level1?.Value),
                ["level1_span"] = level1Spans[i],
                ["level1_id"] = level1Id,
                ["level2"] = Html.Escape(row.Level2?.Value),
                ["level2_span"] = level2Spans[i],
                ["level2_id"] = level2Id,
                ["level3"] = Html.Escape(row.Level3?.Value),
                ["level3_id"] = level3Id,
                ["headers"] = $"col-level3 {level1Id} {level2Id}",
                ["cells"] = layout.IndicatorColumns.Select(c => new ScriptObject
                {
                    ["key"] = c.Key,
                    ["html"] = Html.Display(row[c.Key], c, organisationName),
                    ["numeric"] = c.Type is FieldType.Number or FieldType.Amount,
                    ["headers"] = ColumnGroups.IdOf(layout, c) is { } group ? $"col-{c.Key} {group} {rowHeaders}" : $"col-{c.Key} {rowHeaders}",
                }).ToList(),
            });
        }

        return result;
    }
}
