using System.Text;

namespace PerfDisclosure.Build.Importing;

/// <summary>Compares printed labels the way a reader would: ignoring spaces, full-width punctuation and a trailing colon.</summary>
public static class Labels
{
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.TrimStart('#'))
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            builder.Append(c switch
            {
                '：' => ':',
                '（' => '(',
                '）' => ')',
                '，' => ',',
                _ => c,
            });
        }

        return builder.ToString().TrimEnd(':');
    }

    /// <summary>The label without a trailing parenthesised note: 总分(分值) → 总分, 项目资金(万元) → 项目资金.</summary>
    public static string Base(string normalised)
    {
        var open = normalised.IndexOf('(', StringComparison.Ordinal);
        return open > 0 && normalised.EndsWith(')') ? normalised[..open] : normalised;
    }
}
