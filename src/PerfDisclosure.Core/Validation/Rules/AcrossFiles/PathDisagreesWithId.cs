using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation.Rules.AcrossFiles;

/// <summary>A form file kept outside <c>forms/&lt;owner&gt;/&lt;year&gt;/</c>: its URL comes from its content, not its folder.</summary>
public sealed class PathDisagreesWithId : Rule
{
    public override string Code => "PD0505";

    public override Severity Severity => Severity.Warning;

    public override string Title => "文件所在文件夹与表单的单位、年度不一致";

    public override string TitleEn => "The file's folder disagrees with the form's owner and year";

    public override RuleExample Example => new(
        "shenzhen-target",
        "# kept at forms/sz-futian-investment-promotion/2024/office-equipment.yaml\nyear: 2023\n",
        "# kept at forms/sz-futian-investment-promotion/2024/office-equipment.yaml\nyear: 2024\n",
        ExampleKind.Other);

    public override IEnumerable<Diagnostic> Check(FormContext form)
    {
        var expected = $"forms/{form.Form.Id}.yaml";
        if (!form.Form.File.Replace('\\', '/').EndsWith(expected, StringComparison.Ordinal))
        {
            yield return Report(form.Form.Where, $"表单标识为 {form.Form.Id}，文件应放在 {expected}", $"The form's id is {form.Form.Id}; keep the file at {expected}", new($"把文件移到 content/{expected}", $"move the file to content/{expected}"));
        }
    }
}
