using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation.Rules.AcrossFiles;

/// <summary>Two forms with one id, hence one URL (compared without case: file systems and hosts may ignore it).</summary>
public sealed class DuplicateId : Rule
{
    public override string Code => "PD0502";

    public override Severity Severity => Severity.Error;

    public override string Title => "两个表单的标识（网址）相同";

    public override string TitleEn => "Two forms share one id (and URL)";

    public override RuleExample Example => new(
        "shenzhen-target",
        "# forms/sz-org/2024/office-equipment.yaml and forms/other/office-equipment.yaml, both owned by sz-org in 2024\nyear: 2024\n",
        "# rename one file: forms/sz-org/2024/office-equipment-2.yaml\nyear: 2024\n",
        ExampleKind.Other);

    public override IEnumerable<Diagnostic> CheckAll(CorpusContext corpus)
    {
        foreach (var group in corpus.Forms.GroupBy(f => f.Form.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var first = group.First().Form;
            foreach (var form in group.Skip(1).Select(f => f.Form))
            {
                yield return Report(form.Where, $"表单标识 {form.Id} 与 {first.File} 重复", $"Form id {form.Id} is also used by {first.File}", new("给其中一个文件改名", "rename one of the files"));
            }
        }
    }
}
