using System.Text;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Identifiers;
using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Build.Authoring;

/// <summary>
/// <c>perfdisclosure new</c>: a form file for a layout, organisation and year with every field of the layout
/// (blank, its printed label as a comment) and the indicator skeleton of the layout's framework, ready to fill.
/// </summary>
public static class FormScaffold
{
    /// <summary>What to scaffold. <paramref name="Slug"/> is the file name without .yaml.</summary>
    public sealed record Request(string ContentDir, string? TemplatesDir, string LayoutId, string Organisation, int Year, string Slug, string? ProjectName = null);

    /// <summary>Writes <c>forms/&lt;organisation&gt;/&lt;year&gt;/&lt;slug&gt;.yaml</c> and returns its path; never overwrites.</summary>
    /// <exception cref="ScaffoldException">The request names what does not exist or what the build would refuse.</exception>
    /// <exception cref="Reporting.BilingualIOException">The file exists already.</exception>
    public static string Create(Request request)
    {
        var theme = new ThemeFiles(request.TemplatesDir);
        var diagnostics = new DiagnosticBag();
        var layouts = ContentLoader.LoadLayouts(theme, diagnostics);
        if (!layouts.TryGetValue(request.LayoutId, out var layout))
        {
            var suggestion = Suggestions.Closest(request.LayoutId, layouts.Keys);
            var known = string.Join(", ", layouts.Keys.Order(StringComparer.Ordinal));
            throw new ScaffoldException(
                $"没有版式“{request.LayoutId}”；已有的版式：{known}" + (suggestion is null ? string.Empty : $"（是不是“{suggestion}”？）"),
                $"unknown layout '{request.LayoutId}'; known: {known}" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)"));
        }

        // The same bounds as loading (PD0009), so `new` never writes a year the build then refuses.
        if (!Core.Forms.FormYears.Contains(request.Year))
        {
            throw new ScaffoldException($"--year {request.Year}：年度不在 {Core.Forms.FormYears.Min}–{Core.Forms.FormYears.Max} 之间", $"--year {request.Year}: {Core.Forms.FormYears.Describe(request.Year)}");
        }

        // The same rules as loading (PD0701), so a scaffolded file never gets a name the build then refuses.
        foreach (var (whatZh, what, name) in new[] { ("单位", "organisation", request.Organisation), ("文件名（slug）", "slug", request.Slug) })
        {
            if (IdentifierRules.Check(name) is { } problem)
            {
                throw new ScaffoldException(
                    $"{whatZh}“{name}”：{problem.Message}" + (problem.Fix is null ? string.Empty : $"（{problem.Fix.Zh}）"),
                    $"{what} '{name}': {problem.MessageEn}" + (problem.Fix is null ? string.Empty : $" ({problem.Fix.En})"));
            }
        }

        var organisations = Path.Combine(request.ContentDir, "organisations");
        if (!File.Exists(Path.Combine(organisations, request.Organisation + ".yaml")))
        {
            var known = Directory.Exists(organisations) ? Directory.EnumerateFiles(organisations, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>().ToList() : [];
            var suggestion = Suggestions.Closest(request.Organisation, known);
            throw new ScaffoldException(
                $"{organisations} 中没有单位“{request.Organisation}”" + (suggestion is null ? string.Empty : $"（是不是“{suggestion}”？）"),
                $"no organisation '{request.Organisation}' in {organisations}" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)"));
        }

        var path = Path.Combine(request.ContentDir, "forms", request.Organisation, request.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Slug + ".yaml");
        if (File.Exists(path))
        {
            throw new Reporting.BilingualIOException($"{path} 已存在；请换一个文件名（slug）", $"{path} already exists; choose another slug");
        }

        var text = Text(layout, IndicatorSkeleton.Load(theme, layout.Framework), request);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public static string Text(LayoutDefinition layout, IReadOnlyList<(string Level1, string Level2)> skeleton, Request request)
    {
        var yaml = new StringBuilder();
        yaml.Append("# yaml-language-server: $schema=../../../../templates/").Append(LayoutSchema.Folder).Append(LayoutSchema.FileName(layout.Id)).Append('\n');
        yaml.Append("# ").Append(YamlScalar.Comment(layout.Title)).Append(": fill every field; leave a cell the form prints blank empty.\n");
        yaml.Append("layout: ").Append(layout.Id).Append('\n');
        yaml.Append("year: ").Append(request.Year).Append('\n');
        yaml.Append("# A draft: serve previews it with its findings; build leaves it out until this line is removed.\n");
        yaml.Append("draft: true\n");
        foreach (var field in layout.Fields)
        {
            var value = field.Role == FieldRole.ProjectName ? request.ProjectName
                : field.Key == layout.Owner ? request.Organisation
                : null;
            Field(yaml, field, value, "");
        }

        yaml.Append("indicators:\n");
        foreach (var (level1, level2) in skeleton)
        {
            yaml.Append("  - level1: ").Append(level1).Append('\n');
            yaml.Append("    level2: ").Append(level2).Append('\n');
            yaml.Append("    level3:\n");
            foreach (var column in layout.IndicatorColumns)
            {
                yaml.Append("    ").Append(column.Key).Append(':').Append(Hint(column)).Append('\n');
            }
        }

        return yaml.ToString();
    }

    private static void Field(StringBuilder yaml, FieldDefinition field, string? value, string indent)
    {
        yaml.Append(indent).Append(field.Key).Append(':');
        if (field.Type == FieldType.Table)
        {
            // One row to fill in, each column a key of it.
            yaml.Append(Hint(field)).Append('\n').Append(indent).Append("  - {").Append(string.Join(", ", field.Children.Select(c => c.Key + ": "))).Append("}\n");
            return;
        }

        if (field.Type == FieldType.Group)
        {
            yaml.Append(Hint(field)).Append('\n');
            foreach (var child in field.Children)
            {
                Field(yaml, child, null, indent + "  ");
            }

            return;
        }

        if (value is not null)
        {
            yaml.Append(' ').Append(YamlScalar.Quoted(value));
        }

        yaml.Append(Hint(field)).Append('\n');
        if (field.Type == FieldType.Organisation)
        {
            yaml.Append(indent).Append(field.Key).Append("_printed:   # the name as the form prints it, only when it differs\n");
        }
    }

    private static string Hint(FieldDefinition field)
    {
        var hint = field.Type switch
        {
            FieldType.Amount => "amount",
            FieldType.Date => "YYYY-MM-DD",
            FieldType.Organisation => "organisation id",
            FieldType.Value => "quoted, as published",
            FieldType.Markdown => "Markdown, use |",
            _ when field.AllowedValues.Count > 0 => string.Join(" / ", field.AllowedValues),
            _ => null,
        };
        return $"   # {field.Label}" + (hint is null ? string.Empty : $" ({hint})") + (field.Required ? ", required" : string.Empty);
    }

}
