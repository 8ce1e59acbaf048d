using PerfDisclosure.Core.Forms;

namespace PerfDisclosure.Build.Tests.Importing;

/// <summary>Two loaded forms as comparable lines, field by field and indicator cell by indicator cell.</summary>
internal static class FormComparison
{
    public static SortedDictionary<string, string> Flatten(Form form)
    {
        var lines = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["year"] = form.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        Add(lines, form.Fields, "");
        for (var i = 0; i < form.Indicators.Count; i++)
        {
            var row = form.Indicators[i];
            var prefix = $"indicators[{i + 1:00}].";
            lines[prefix + "level1"] = row.Level1?.Text ?? "";
            lines[prefix + "level2"] = row.Level2?.Text ?? "";
            lines[prefix + "level3"] = row.Level3?.Text ?? "";
            Add(lines, row.Cells, prefix);
        }

        return lines;
    }

    /// <summary>Lines that differ: <c>path: expected ≠ actual</c>, in path order.</summary>
    public static IEnumerable<string> Differences(Form expected, Form actual)
    {
        var (left, right) = (Flatten(expected), Flatten(actual));
        foreach (var key in left.Keys.Union(right.Keys).Order(StringComparer.Ordinal))
        {
            var (a, b) = (left.GetValueOrDefault(key), right.GetValueOrDefault(key));
            if (a != b)
            {
                yield return $"{key}: {Show(a)} ≠ {Show(b)}";
            }
        }
    }

    private static string Show(string? text) => text is null ? "(absent)" : "“" + (text.Length > 40 ? text[..40] + "…" : text).ReplaceLineEndings("⏎") + "”";

    private static void Add(SortedDictionary<string, string> lines, FieldSet fields, string prefix)
    {
        foreach (var key in fields.Keys)
        {
            switch (fields[key])
            {
                case GroupValue group:
                    Add(lines, group.Fields, prefix + key + ".");
                    break;
                case OrganisationValue organisation:
                    lines[prefix + key] = organisation.Id;
                    if (organisation.Printed is not null)
                    {
                        lines[prefix + key + "_printed"] = organisation.Printed;
                    }

                    break;
                case NumberValue number:
                    // A number compares by value: 10.00 as printed (format "0.00") is the 10 a content file writes.
                    lines[prefix + key] = number.Number.ToString("G29", System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case { } value:
                    lines[prefix + key] = value.Text;
                    break;
            }
        }
    }
}
