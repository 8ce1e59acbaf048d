using System.Globalization;
using PerfDisclosure.Build.Site;

namespace PerfDisclosure.Build.Sharding;

/// <summary>
/// Shard <see cref="Number"/> of <see cref="Count"/> (1-based, as CI matrices count): the organisations whose
/// forms and listing pages this build renders. Every shard computes the same split from the same content.
/// </summary>
public sealed record ShardSpec(int Number, int Count)
{
    /// <summary>Parses "K/N", e.g. "2/4"; the message names the option and what was wrong.</summary>
    /// <exception cref="ShardSpecException">The text is not K/N with 1 ≤ K ≤ N.</exception>
    public static ShardSpec Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && number >= 1 && number <= count)
        {
            return new ShardSpec(number, count);
        }

        throw new ShardSpecException($"--shard “{text}”：应写作 K/N，且 1 ≤ K ≤ N，例如 2/4", $"--shard '{text}': expected K/N with 1 ≤ K ≤ N, e.g. 2/4");
    }

    public override string ToString() => $"{Number}/{Count}";

    /// <summary>
    /// The organisations of this shard. Largest organisation first, each to the shard with the fewest forms so far
    /// (ties: lowest shard, organisation id order), so shards stay balanced while an organisation is never split.
    /// </summary>
    public IReadOnlySet<string> Organisations(SiteModel site)
    {
        var load = new int[Count];
        var mine = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, forms) in site.ByOrganisation.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            var target = Array.IndexOf(load, load.Min());
            load[target] += forms.Count;
            if (target == Number - 1)
            {
                mine.Add(id);
            }
        }

        return mine;
    }
}

/// <summary>A <c>--shard</c> value that is not K/N, in Chinese and English: a usage error in the command's <c>--lang</c>.</summary>
public sealed class ShardSpecException(string messageZh, string message) : FormatException(message), Core.Diagnostics.IBilingualException
{
    public string MessageZh { get; } = messageZh;

    public string MessageEn => Message;
}
