namespace PerfDisclosure.Build.Tests.Loading;

/// <summary>One edit of a seed form's lines, for the generated-input tests: the kind, two line numbers and a piece of text.</summary>
internal static class SeedMutation
{
    public const int Drop = 0;
    public const int Repeat = 1;
    public const int Swap = 2;
    public const int ReplaceValue = 3;
    public const int Indent = 4;
    public const int Dedent = 5;
    public const int Insert = 6;

    /// <summary>Applies the edit; line numbers past the end are the last line.</summary>
    public static void Apply(List<string> lines, int kind, int i, int j, string piece)
    {
        var (a, b) = (Math.Min(i, lines.Count - 1), Math.Min(j, lines.Count - 1));
        switch (kind)
        {
            case Drop when lines.Count > 1:
                lines.RemoveAt(a);
                break;
            case Repeat:
                lines.Insert(b, lines[a]);
                break;
            case Swap:
                (lines[a], lines[b]) = (lines[b], lines[a]);
                break;
            case ReplaceValue:
                var colon = lines[a].IndexOf(": ", StringComparison.Ordinal);
                lines[a] = (colon < 0 ? lines[a] : lines[a][..(colon + 2)]) + piece;
                break;
            case Indent:
                lines[a] = new string(' ', 1 + (b % 3)) + lines[a];
                break;
            case Dedent:
                lines[a] = lines[a].TrimStart(' ');
                break;
            case Insert:
                var at = Math.Min(lines[a].Length, b % (lines[a].Length + 1));
                lines[a] = lines[a][..at] + piece + lines[a][at..];
                break;
        }
    }
}
