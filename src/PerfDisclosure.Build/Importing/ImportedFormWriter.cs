using System.Text;
using PerfDisclosure.Build.Authoring;
using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Build.Importing;

/// <summary>Writes an imported form as a content file (docs/content-format.md), keys in the layout's order.</summary>
public static partial class ImportedFormWriter
{
    public static string Text(ImportedForm form, string source)
    {
        var yaml = new StringBuilder();
        yaml.Append("# yaml-language-server: $schema=../../../../templates/").Append(LayoutSchema.Folder).Append(LayoutSchema.FileName(form.Layout.Id)).Append('\n');
        yaml.Append(ImportWriter.Marker).Append(YamlScalar.Comment(source)).Append(form.AtLine ? ", line " : ", row ").Append(form.Title.Row).Append('\n');
        yaml.Append("layout: ").Append(form.Layout.Id).Append('\n');
        yaml.Append("year: ").Append(form.Year).Append('\n');
        Fields(yaml, form, form.Layout.Fields, "", "");
        if (form.Indicators.Count > 0)
        {
            yaml.Append("indicators:\n");
            var keys = new[] { "level1", "level2", "level3" }.Concat(form.Layout.IndicatorColumns.Select(c => c.Key)).ToList();
            foreach (var row in form.Indicators)
            {
                var first = true;
                foreach (var key in keys.Where(row.ContainsKey))
                {
                    yaml.Append(first ? "  - " : "    ").Append(key).Append(':');
                    var column = form.Layout.IndicatorColumn(key);
                    Scalar(yaml, column?.Type ?? FieldType.Text, row[key], "      ");
                    first = false;
                }
            }
        }

        return yaml.ToString();
    }

    private static void Fields(StringBuilder yaml, ImportedForm form, IReadOnlyList<FieldDefinition> fields, string prefix, string indent)
    {
        foreach (var field in fields)
        {
            var path = prefix + field.Key;
            if (field.Type == FieldType.Group)
            {
                if (form.Values.Keys.Any(k => k.StartsWith(path + ".", StringComparison.Ordinal)))
                {
                    yaml.Append(indent).Append(field.Key).Append(":\n");
                    Fields(yaml, form, field.Children, path + ".", indent + "  ");
                }

                continue;
            }

            if (field.Type == FieldType.Organisation && form.Organisations.TryGetValue(path, out var organisation))
            {
                yaml.Append(indent).Append(field.Key).Append(": ").Append(organisation.Id).Append('\n');
                if (organisation.Printed is not null)
                {
                    yaml.Append(indent).Append(field.Key).Append("_printed:");
                    Scalar(yaml, FieldType.Text, organisation.Printed, indent + "  ");
                }

                continue;
            }

            if (form.Values.TryGetValue(path, out var value))
            {
                yaml.Append(indent).Append(field.Key).Append(':');
                Scalar(yaml, field.Type, value.Text, indent + "  ");
            }
        }
    }

    /// <summary>One value after its key, through <see cref="YamlScalar"/>; a number or date plain only when it reads back as one.</summary>
    private static void Scalar(StringBuilder yaml, FieldType type, string text, string indent)
    {
        switch (type)
        {
            case FieldType.Amount or FieldType.Number when CleanNumber.IsPlain(text):
            case FieldType.Date when PlainDate().IsMatch(text):
                yaml.Append(' ').Append(text).Append('\n');
                break;
            case FieldType.Markdown:
                yaml.Append(YamlScalar.Block(text, indent));
                break;
            default:
                yaml.Append(' ').Append(YamlScalar.Quoted(text)).Append('\n');
                break;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial System.Text.RegularExpressions.Regex PlainDate();
}
