using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation.Rules.Import;

/// <summary>
/// What <c>perfdisclosure import form.pdf</c> reports about a PDF's pages beyond the table (PD1030–PD1039), at
/// file.pdf:page:line. A PDF that cannot be read or holds no text is PD1011 or PD1010 (<see cref="ImportRules"/>).
/// </summary>
public static class PdfImportRules
{
    public static LoadingRule PageFurniture { get; } = new("PD1030", Severity.Info, "PDF 页脚（页码）不属于表格，未导入", "A PDF page's footer (its page number) is not part of the table, so it is left out", new(
        "shanghai-target-2022",
        "# import form.pdf   (第 1 页 共 3 页 at the foot of each page)\n",
        "# nothing to fix\n",
        ExampleKind.Other));

    public static IEnumerable<Rule> All => [PageFurniture];
}
