namespace PerfDisclosure.Core.Diagnostics;

/// <summary>
/// Another program's own words (the YAML parser's, Scriban's, Typst's, the system's), which come in English only: a
/// Chinese message says in Chinese what is wrong and what to do, then quotes them marked as the original, so no
/// English sentence reads as part of the Chinese and the English message shows the same words.
/// </summary>
public static class OriginalText
{
    /// <summary><c>（原文：“…”）</c>, to end a Chinese message with; nothing when there is no text.</summary>
    public static string InChinese(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : $"（原文：“{string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim()}”）";
}
