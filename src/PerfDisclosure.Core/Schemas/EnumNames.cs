using System.Text;

namespace PerfDisclosure.Core.Schemas;

/// <summary>
/// How an enumeration is spelled in a theme file: its member names in lower-case words joined by '-'
/// (<c>SelfEvaluation</c> is <c>self-evaluation</c>), so the closed list a file may use is the enumeration itself.
/// </summary>
public static class EnumNames
{
    public static IReadOnlyList<string> Of<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(Name)];

    public static string Name<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var spelled = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && spelled.Length > 0)
            {
                spelled.Append('-');
            }

            spelled.Append(char.ToLowerInvariant(c));
        }

        return spelled.ToString();
    }

    /// <summary>The member spelled <paramref name="text"/>, exactly as <see cref="Of{T}"/> lists it.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Name(candidate) == text)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
