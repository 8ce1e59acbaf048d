using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Core.Validation.Rules.AcrossFiles;

/// <summary>The same project (name, or 项目编码) published twice by one organisation in one year, in forms of the same kind.</summary>
public sealed class DuplicateProject : Rule
{
    public override string Code => "PD0503";

    public override Severity Severity => Severity.Warning;

    public override string Title => "同一项目在同一年度出现两次";

    public override string TitleEn => "The same project appears twice in one year";

    public override RuleExample Example => new(
        "shenzhen-target",
        "# a second file of sz-org, 2024, with the same project\nproject_name: 办公设备采购\n",
        "# one file per project and year\nproject_name: 办公设备采购（二期）\n",
        ExampleKind.Other);

    public override IEnumerable<Diagnostic> CheckAll(CorpusContext corpus)
    {
        var seen = new Dictionary<string, FormContext>(StringComparer.Ordinal);
        foreach (var form in corpus.Forms.OrderBy(f => f.Form.File, StringComparer.Ordinal))
        {
            foreach (var key in Keys(form))
            {
                if (seen.TryGetValue(key, out var first))
                {
                    yield return Report(form.Form.Where, $"项目“{form.Form.ProjectName}”在 {form.Form.Year} 年度已由 {first.Form.File} 公开", $"Project '{form.Form.ProjectName}' of {form.Form.Year} is also published by {first.Form.File}", new("删去其中一张表，或在项目名称上区分两个项目", "remove one of the forms, or tell the projects apart"));
                    break;
                }

                seen[key] = form;
            }
        }
    }

    private static IEnumerable<string> Keys(FormContext form)
    {
        var prefix = $"{form.Form.Owner}|{form.Form.Year}|{(form.Layout.Kind == FormKind.SelfEvaluation ? "s" : "t")}|";
        yield return prefix + "name|" + form.Form.ProjectName.Trim();
        if (form.Value(FieldRole.ProjectCode)?.Text is { Length: > 0 } code && !form.Form.Classified)
        {
            yield return prefix + "code|" + code.Trim();
        }
    }
}
