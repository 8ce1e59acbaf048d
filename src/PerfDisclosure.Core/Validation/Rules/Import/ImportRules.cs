using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation.Rules.Import;

/// <summary>
/// What <c>perfdisclosure import</c> reports (PD10xx), each at the cell of the source it concerns (file:row:column,
/// book.xlsx:sheet!B3 for workbooks, file.pdf:page:line for PDFs). The source is a spreadsheet or a PDF, not a form
/// file, so the examples are commands; tests/PerfDisclosure.Build.Tests/Importing and the CLI tests prove them.
/// </summary>
public static class ImportRules
{
    public static LoadingRule CellNotPlaced { get; } = new("PD1001", Severity.Error, "单元格未能放入表单的任何字段；除非使用 --partial，否则不写入任何文件", "A cell could not be placed in any field of its form; nothing is written unless --partial", new(
        "shenzhen-target",
        "# import forms.xlsx   (a cell beside the form that no label of the layout names)\n",
        "# delete the stray cell, or add its label to the layout\n",
        ExampleKind.Other));

    public static LoadingRule WrongType { get; } = new("PD1002", Severity.Error, "值与字段类型不符（数字字段中有文字，或日期不是 YYYY-MM-DD），未写入", "A value does not fit its field's type (text in a number field, a date not written YYYY-MM-DD); it is not written", new(
        "shanghai-self-evaluation",
        "# import self-evaluation.xlsx   (分值 column holds 经济效益指标: the columns are shifted)\n",
        "# put each value under its printed header\n",
        ExampleKind.Other));

    public static LoadingRule NoYear { get; } = new("PD1003", Severity.Error, "表单未印年度，请用 --year 指定", "The form prints no year: give it with --year", new(
        "shenzhen-target",
        "# import futian.txt\n",
        "# import --year 2024 futian.txt\n",
        ExampleKind.Other));

    public static LoadingRule OutsideForm { get; } = new("PD1004", Severity.Error, "单元格不在任何表单内（上方没有布局的标题）", "A cell lies outside any form (no layout title above it)", new(
        "shenzhen-target",
        "# import notes.txt   (a table with no form title)\n",
        "# import the sheet that holds the form, title included\n",
        ExampleKind.Other));

    public static LoadingRule UnknownOrganisation { get; } = new("PD1005", Severity.Error, "content/organisations 中没有这个名称的机构（使用了 --no-new-organisations），附建议的机构文件", "No organisation in content/organisations has this name (with --no-new-organisations); the file to create is suggested", new(
        "shenzhen-target",
        "# import --no-new-organisations forms.xlsx   (单位名称: 某区新设单位)\n",
        "# create the suggested content/organisations/<id>.yaml, or import without --no-new-organisations\n",
        ExampleKind.Other));

    public static LoadingRule OrganisationCreated { get; } = new("PD1006", Severity.Warning, "找不到的机构已新建为机构文件（标识为生成的），请核对其标识、名称和所属地区", "An organisation not found was created as an organisation file with a generated id; check its id, name and jurisdiction", new(
        "shenzhen-target",
        "# import forms.xlsx   (单位名称: 某区新设单位, in no organisation file)\n",
        "# check content/organisations/<generated id>.yaml, rename it if the id should read better\n",
        ExampleKind.Other));

    public static LoadingRule Assumed { get; } = new("PD1007", Severity.Warning, "表格可有多种读法，已按所述读取，请对照原表核对", "The table reads more than one way; it was read as told, check it against the published form", new(
        "shenzhen-target",
        "# import forms.txt   (a merged 二级指标 cell that ends a page blank)\n",
        "# compare the imported indicators with the published form\n",
        ExampleKind.Other));

    public static LoadingRule Heading { get; } = new("PD1008", Severity.Info, "第一张表单上方单独一行的文字是文件标题（如汇总表标题），不属于任何表单", "A line alone above the first form is the document's heading (a compilation's title), not part of any form", new(
        "shenzhen-target",
        "# import compilation.txt   (年度项目绩效目标汇总表 above the first form)\n",
        "# nothing to fix\n",
        ExampleKind.Other));

    public static LoadingRule FormulaText { get; } = new("PD1009", Severity.Info, "形似公式的文字（以 = 开头）按文字保留，不作计算", "Text that looks like a formula (it starts with =) is kept as text, not computed", new(
        "shenzhen-target",
        "# import forms.xlsx   (指标值 cell holding the text =0.00(起))\n",
        "# nothing to fix: the text is imported as printed\n",
        ExampleKind.Other));

    public static LoadingRule ScannedPdf { get; } = new("PD1010", Severity.Error, "PDF 中没有文字（扫描件），无法读取表格；请用文字版 PDF 或表格文件导入", "The PDF holds no text (a scan), so no table can be read; import a PDF with text or the spreadsheet", new(
        "shenzhen-target",
        "# import scanned.pdf\n",
        "# import the form's .xlsx, or a PDF printed from it\n",
        ExampleKind.Other));

    public static LoadingRule Unreadable { get; } = new("PD1011", Severity.Error, "文件无法读取（不是可读的工作簿、PDF 或文本，或超过限制）；未导入任何内容", "The file cannot be read (no readable workbook, PDF or text, or past a limit); nothing was imported", new(
        "shenzhen-target",
        "# import truncated.xlsx\n",
        "# export the workbook again and import the new file\n",
        ExampleKind.Other));

    public static LoadingRule NotImportsFile { get; } = new("PD1012", Severity.Error, "同一项目的表单文件已存在且不是 import 写的，不覆盖；未导入任何内容", "A form file for the same project exists and was not written by import; it is not overwritten and nothing is imported", new(
        "shenzhen-target",
        "# import forms.xlsx   (content/forms/<org>/2024/<slug>.yaml written by hand)\n",
        "# edit the hand-written file, or move it away and import again\n",
        ExampleKind.Other));

    public static LoadingRule NoForm { get; } = new("PD1013", Severity.Error, "文件中没有找到任何布局的表单标题，未导入任何表单", "No layout's form title was found in the file, so no form was imported", new(
        "shenzhen-target",
        "# import budget.xlsx   (a sheet whose title no layout or import file declares)\n",
        "# add the title to templates/import/<layout>.yaml (titles:), or import the sheet of the form\n",
        ExampleKind.Other));

    public static LoadingRule NoOwner { get; } = new("PD1014", Severity.Error, "表单未印其所属机构（布局的 owner 字段），无法确定写到哪个机构之下", "The form prints no owner organisation (the layout's owner field), so it has no place to go", new(
        "shenzhen-target",
        "# import forms.txt   (a form without its 申请单位 row)\n",
        "# import the whole form, the 申请单位 row included\n",
        ExampleKind.Other));

    public static IEnumerable<Rule> All => [CellNotPlaced, WrongType, NoYear, OutsideForm, UnknownOrganisation, OrganisationCreated, Assumed, Heading, FormulaText, ScannedPdf, Unreadable, NotImportsFile, NoForm, NoOwner];
}
