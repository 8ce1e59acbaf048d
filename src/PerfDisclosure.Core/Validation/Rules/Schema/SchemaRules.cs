using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation.Rules.Schema;

/// <summary>The rules loading enforces while it reads YAML (PD00xx); codes kept stable since the foundation.</summary>
public static class SchemaRules
{
    public static LoadingRule YamlSyntax { get; } = new("PD0001", Severity.Error, "YAML 语法错误", "YAML syntax error", new(
        "shenzhen-target",
        "project_name: \"办公设备采购\n",
        "project_name: \"办公设备采购\"\n"));

    public static LoadingRule MissingRequired { get; } = new("PD0002", Severity.Error, "缺少版式要求的必填字段", "A field the layout requires is missing", new(
        "shenzhen-target",
        "project_code:\n",
        "project_code: \"440304231151500205016\"\n"));

    public static LoadingRule UnknownKey { get; } = new("PD0003", Severity.Error, "版式中没有这个字段（给出最接近的字段名）", "Unknown field (with the closest known name)", new(
        "shenzhen-target",
        "project_nmae: 办公设备采购\n",
        "project_name: 办公设备采购\n"));

    public static LoadingRule UnknownLayout { get; } = new("PD0004", Severity.Error, "未知版式", "Unknown layout", new(
        "shenzhen-target",
        "layout: shenzen-target\n",
        "layout: shenzhen-target\n"));

    public static LoadingRule WrongType { get; } = new("PD0005", Severity.Error, "值的类型不对（数字、日期、文本）", "A value has the wrong type (number, date, text)", new(
        "shenzhen-target",
        "current_year_amount: 12.40万\n",
        "current_year_amount: 12.40\n"));

    public static LoadingRule NotAllowedValue { get; } = new("PD0006", Severity.Error, "值不在版式允许的范围内（项目性质、是否新增项目、分配方式、评分等级 …）", "A value is not one the layout allows (nature, is new project, allocation method, grade …)", new(
        "shenzhen-target",
        "allocation_method: 项目发\n",
        "allocation_method: 项目法\n"));

    public static LoadingRule EnumerationSpelling { get; } = new("PD0007", Severity.Warning, "枚举值写法不规范（标点或空格不同于规定写法）", "An enumeration value differs from an allowed one only in punctuation or spacing", new(
        "shenzhen-target",
        "project_type: 31.履职类项目\n",
        "project_type: 31 履职类项目\n"));

    public static LoadingRule ControlCharacter { get; } = new("PD0008", Severity.Error, "值中有不能发布的字符（控制字符、孤立代理项或非字符）", "A value holds a character that cannot be published (a control character, a lone surrogate or a noncharacter)", new(
        "shenzhen-target",
        "project_name: \"办公设备\\e采购\"\n",
        "project_name: 办公设备采购\n"));

    public static LoadingRule YearOutOfRange { get; } = new("PD0009", Severity.Error, "年度不在允许的范围内", "The year is outside the years a form may be for", new(
        "shenzhen-target",
        "year: 10000\n",
        "year: 2024\n"));

    public static LoadingRule BadLayoutDefinition { get; } = new("PD0010", Severity.Error, "版式定义文件有误：未知的键、不在列表中的值、类型不对、指向不存在或类型不对的字段（owner、amount、checks、redaction）、重复的字段键", "A layout definition is invalid: an unknown key, a value not in its list, a wrong type, a path to no field or to one of the wrong type (owner, amount, checks, redaction), a repeated field key", new(
        "shenzhen-target",
        "# templates/layouts/forms/shanghai-self-evaluation.yaml\nkind: self-evalution\nowner: implementing_unitt\n",
        "# templates/layouts/forms/shanghai-self-evaluation.yaml\nkind: self-evaluation\nowner: implementing_unit\n",
        ExampleKind.Other));

    public static LoadingRule BadValidationData { get; } = new("PD0011", Severity.Error, "指标体系或评分规则文件有误（未知的键、不在列表中的值、类型不对，评分规则指向版式中不存在的字段），或版式引用了不存在的指标体系/评分规则", "An indicator framework or scoring file is invalid (an unknown key, a value not in its list, a wrong type, a scoring path to no field of a layout using it), or a layout names one that does not exist", new(
        "shenzhen-target",
        "# templates/layouts/forms/shenzhen-target.yaml\nframework: mof-shenzen\n",
        "# templates/layouts/forms/shenzhen-target.yaml\nframework: mof-shenzhen\n",
        ExampleKind.Other));

    public static LoadingRule BadImportFile { get; } = new("PD0012", Severity.Error, "导入模式文件（templates/import/<版式>.yaml）有误：未知的键、类型不对，或没有同名的版式", "An import patterns file (templates/import/<layout>.yaml) is invalid: an unknown key, a wrong type, or no layout of its name", new(
        "shenzhen-target",
        "# templates/import/shenzhen-target.yaml\nprinted_lables: [绩效指标]\n",
        "# templates/import/shenzhen-target.yaml\nprinted_labels: [绩效指标]\n",
        ExampleKind.Other));

    public static IEnumerable<Rule> All =>
        [YamlSyntax, MissingRequired, UnknownKey, UnknownLayout, WrongType, NotAllowedValue, EnumerationSpelling, ControlCharacter, YearOutOfRange, BadLayoutDefinition, BadValidationData, BadImportFile];
}
