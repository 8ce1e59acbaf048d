using PerfDisclosure.Build.Loading;
using PerfDisclosure.Core.Forms;

namespace PerfDisclosure.Build.Tests.Search;

/// <summary>
/// Every text a form's content holds: the project name, the owner's name, each field (groups flattened,
/// organisations by name) and each indicator cell.
/// </summary>
public static class FormText
{
    public static IEnumerable<string> Values(Form form, LoadedContent content)
    {
        yield return form.ProjectName;
        yield return content.Organisations[form.Owner].Name;
        foreach (var text in Fields(form.Fields, content))
        {
            yield return text;
        }

        foreach (var row in form.Indicators)
        {
            foreach (var level in new[] { row.Level1, row.Level2, row.Level3 })
            {
                if (level is not null)
                {
                    yield return level.Text;
                }
            }

            foreach (var text in Fields(row.Cells, content))
            {
                yield return text;
            }
        }
    }

    private static IEnumerable<string> Fields(FieldSet fields, LoadedContent content) =>
        fields.Keys.Select(k => fields[k]!).SelectMany(v => v switch
        {
            GroupValue g => Fields(g.Fields, content),
            OrganisationValue o => [o.Printed ?? content.Organisations.GetValueOrDefault(o.Id)?.Name ?? o.Id],
            _ => [v.Text],
        });
}
