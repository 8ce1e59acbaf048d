using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Forms;

namespace PerfDisclosure.Core.Validation.Rules.Markdown;

/// <summary>
/// A Markdown field (or page) past one of <see cref="MarkdownLimits"/>: reported at the field by <c>check</c> and
/// <c>build</c> alike, so the renderer never meets a text that would throw or take more than linear time.
/// </summary>
public sealed class MarkdownOverLimit : Rule
{
    public override string Code => "PD0720";

    public override Severity Severity => Severity.Error;

    public override string Title => "Markdown 文本超过上限（过长、嵌套过深或一段中的标记过多）";

    public override string TitleEn => "A Markdown text exceeds a limit (length, nesting depth or markup in one paragraph)";

    public override RuleExample Example => new(
        "shenzhen-target",
        $"policy_basis: \"{new string('>', MarkdownLimits.MaxNesting + 1)} 引用嵌套过深\"\n",
        "policy_basis: \"> 引用一层即可\"\n");

    public override IEnumerable<Diagnostic> Check(FormContext form)
    {
        // Every text of every form is checked; its path is written only for a finding.
        foreach (var (prefix, key, value) in Texts(form.Form.Fields, string.Empty).Concat(form.Form.Indicators.SelectMany(r => Texts(r.Cells, $"indicators[{r.Index}]."))))
        {
            if (MarkdownLimits.Check(value.Source) is { } breach)
            {
                yield return Finding(breach, value.Where, prefix + key);
            }
        }
    }

    /// <summary>The finding for one text (a form field or a page), placed at <paramref name="where"/>.</summary>
    public IEnumerable<Diagnostic> CheckText(string markdown, SourceSpan where, string what)
    {
        if (MarkdownLimits.Check(markdown) is not { } breach)
        {
            yield break;
        }

        yield return Finding(breach, where, what);
    }

    private Diagnostic Finding(MarkdownBreach breach, SourceSpan where, string what) =>
        breach.Limit switch
        {
            MarkdownLimit.Size => Report(where, $"{what} 有 {breach.Found} 个字符，超过上限 {breach.Allowed}", $"{what} has {breach.Found} characters, over the limit of {breach.Allowed}", new("把文字分成几段写，或另作一个页面发布", "split the text, or publish it as a page of its own")),
            MarkdownLimit.Nesting => Report(where, $"{what} 第 {breach.Line} 行嵌套 {breach.Found} 层（引用、列表或方括号），超过上限 {breach.Allowed}", $"{what}, line {breach.Line} of the text: nested {breach.Found} levels deep (quotes, lists or brackets), over the limit of {breach.Allowed}", new("减少引用或列表的嵌套层数；要写方括号本身时写成 \\[", "nest fewer quotes or lists; write a literal [ as \\[")),
            _ => Report(where, $"{what} 第 {breach.Line} 行所在段落有超过 {breach.Allowed} 个 *、_ 或 [", $"{what}, line {breach.Line} of the text: its paragraph has more than {breach.Allowed} of *, _ and [", new("用空行把段落分开，或把符号本身写成 \\*、\\_ 和 \\[", "break the paragraph with a blank line, or write literal characters as \\*, \\_ and \\[")),
        };

    private static IEnumerable<(string Prefix, string Key, MarkdownValue Value)> Texts(FieldSet fields, string prefix)
    {
        foreach (var key in fields.Keys)
        {
            switch (fields[key])
            {
                case MarkdownValue markdown:
                    yield return (prefix, key, markdown);
                    break;
                case GroupValue group:
                    foreach (var inner in Texts(group.Fields, prefix + key + "."))
                    {
                        yield return inner;
                    }

                    break;
                case TableValue table:
                    foreach (var (row, i) in table.Rows.Select((r, i) => (r, i)))
                    {
                        foreach (var inner in Texts(row.Fields, $"{prefix}{key}[{i}]."))
                        {
                            yield return inner;
                        }
                    }

                    break;
            }
        }
    }
}
