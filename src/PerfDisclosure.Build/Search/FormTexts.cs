using System.Text;

namespace PerfDisclosure.Build.Search;

/// <summary>The main text of each form page of the build, by the form's place in the site, read once per page.</summary>
public sealed class FormTexts(int count)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly string?[] texts = new string?[count];

    /// <summary>The text of form <paramref name="form"/>'s page, or null when no page of it was read yet.</summary>
    public string? this[int form] => texts[form];

    /// <summary>Reads the main text of form <paramref name="form"/>'s page from its bytes.</summary>
    public string Read(int form, byte[] page) => texts[form] = MainText.Extract(Utf8.GetString(page));

    /// <summary>Reads the main text of form <paramref name="form"/>'s page from its file; empty when there is none.</summary>
    public string Read(int form, string file) => File.Exists(file) ? Read(form, File.ReadAllBytes(file)) : texts[form] = string.Empty;
}
