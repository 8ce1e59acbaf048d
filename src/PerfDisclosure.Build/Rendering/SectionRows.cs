using PerfDisclosure.Core.Layouts;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Rendering;

/// <summary>
/// <c>form.after_rows</c> and <c>form.footer_rows</c>: a section's fields as the printed rows they share. Fields next
/// to each other with the same <c>row:</c> form one row (填报人 / 联系电话 / 填报日期); any other field is a row of its
/// own. Each row is <c>{fields}</c>, the same field objects as <c>form.after</c> / <c>form.footer</c>.
/// </summary>
public static class SectionRows
{
    public static List<ScriptObject> Of(LayoutDefinition layout, FieldSection section, List<ScriptObject> fields)
    {
        var definitions = layout.Fields.Where(f => f.Section == section).ToList();
        var rows = new List<ScriptObject>();
        List<ScriptObject>? current = null;
        for (var i = 0; i < definitions.Count; i++)
        {
            var row = definitions[i].Row;
            if (current is null || row is null || definitions[i - 1].Row != row)
            {
                current = [];
                rows.Add(new ScriptObject { ["fields"] = current });
            }

            current.Add(fields[i]);
        }

        return rows;
    }
}
