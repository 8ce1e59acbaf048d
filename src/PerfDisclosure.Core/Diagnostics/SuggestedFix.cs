namespace PerfDisclosure.Core.Diagnostics;

/// <summary>
/// What to do about a finding, in Chinese and English like its message: printed in the language the user chose
/// (<c>--lang</c>), never the English one after a Chinese message.
/// </summary>
/// <param name="Zh">The fix in Chinese (the default).</param>
/// <param name="En">The fix in English (<c>--lang en</c>).</param>
public sealed record SuggestedFix(string Zh, string En)
{
    public string In(string language) => MessageLanguage.In(language, Zh, En);
}
