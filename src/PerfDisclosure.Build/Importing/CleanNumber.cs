using System.Globalization;
using System.Text.RegularExpressions;

namespace PerfDisclosure.Build.Importing;

/// <summary>
/// A number as a form prints it, read only when it is one beyond doubt: digits with an optional sign, decimal part
/// and correctly grouped thousands (<c>1,234.50</c>). <c>48.45-</c>, <c>1,2,3</c>, <c>１２</c> or <c>1e3</c> are
/// no clean numbers: they are reported at their cell, never guessed into a number field.
/// </summary>
public static partial class CleanNumber
{
    /// <summary>The number as the content file writes it (no thousands separators), or null when the text is no clean number.</summary>
    public static string? Read(string text)
    {
        if (!Printed().IsMatch(text))
        {
            return null;
        }

        var plain = text.Replace(",", string.Empty, StringComparison.Ordinal).TrimStart('+');
        return decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _) ? plain : null;
    }

    /// <summary>Whether the text is a number as a content file writes it: YAML reads it as written, the loader as a number.</summary>
    public static bool IsPlain(string text) => Plain().IsMatch(text) && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    [GeneratedRegex(@"^[+-]?([0-9]+|[0-9]{1,3}(,[0-9]{3})+)(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Printed();

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Plain();
}
