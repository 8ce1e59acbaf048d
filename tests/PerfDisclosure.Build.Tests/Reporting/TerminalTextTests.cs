using System.Text.Json;
using PerfDisclosure.Build.Reporting;
using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Tests.Reporting;

/// <summary>A diagnostic quoting hostile content prints as one line of visible text; the machine formats keep it exact.</summary>
public class TerminalTextTests
{
    [Theory]
    [InlineData("a\u001b[2Jb", "a\\u{1B}[2Jb")]
    [InlineData("a\u001b]0;title\u0007b", "a\\u{1B}]0;title\\u{7}b")]
    [InlineData("a\nerror PD0000: forged", "a\\u{A}error PD0000: forged")]
    [InlineData("a\r\tb", "a\\u{D}\\u{9}b")]
    [InlineData("a\u0085b\u009bc\u007fd", "a\\u{85}b\\u{9B}c\\u{7F}d")]
    [InlineData("file\u202Elmth.exe", "file\\u{202E}lmth.exe")]
    [InlineData("\u2066x\u2069\u200E\u200F\u061C", "\\u{2066}x\\u{2069}\\u{200E}\\u{200F}\\u{61C}")]
    [InlineData("a\u2028b\u2029c", "a\\u{2028}b\\u{2029}c")]
    [InlineData("中文 😀 ok", "中文 😀 ok")]
    public void Controls_bidi_and_separators_are_shown_by_code_point(string text, string shown) =>
        Assert.Equal(shown, TerminalText.Escape(text));

    [Fact]
    public void A_lone_surrogate_is_shown_by_code_point_and_a_pair_is_kept()
    {
        Assert.Equal("a\\u{D800}b\\u{DC00}", TerminalText.Escape("a" + (char)0xD800 + "b" + (char)0xDC00));
        Assert.Equal("\U0001F600", TerminalText.Escape("\U0001F600"));
    }

    [Fact]
    public void A_text_diagnostic_is_escaped_and_json_and_sarif_keep_the_exact_text()
    {
        var message = "名称“甲\u001b[31m乙\u202E丙”";
        Diagnostic[] findings = [new("PD0008", Severity.Error, new SourceSpan("content/forms/a\u001b/2024/b.yaml", 7, 1), message, message)];
        string Write(string format)
        {
            var output = new StringWriter();
            DiagnosticWriter.Write(output, findings, format, "en");
            return output.ToString();
        }

        var text = Write("text");
        Assert.Equal("content/forms/a\\u{1B}/2024/b.yaml:7:1: error PD0008: 名称“甲\\u{1B}[31m乙\\u{202E}丙”\n", text.ReplaceLineEndings("\n"));
        Assert.DoesNotContain(text.TrimEnd(), c => char.IsControl(c) || c == '\u202E');

        using var json = JsonDocument.Parse(Write("json"));
        Assert.Equal(message, json.RootElement[0].GetProperty("message").GetString());
        using var sarif = JsonDocument.Parse(Write("sarif"));
        Assert.Contains(message, sarif.RootElement.GetRawText().Replace("\\u001B", "\u001b", StringComparison.Ordinal).Replace("\\u202E", "\u202E", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
