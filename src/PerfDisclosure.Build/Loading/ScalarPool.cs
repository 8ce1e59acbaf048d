using System.Collections.Concurrent;

namespace PerfDisclosure.Build.Loading;

/// <summary>
/// One string for each short scalar that many content files repeat — keys, indicator names, units, targets such as
/// <c>≥95%</c>, <c>是</c> — instead of one per occurrence: a site's forms hold them for the whole build, and at
/// 100,000 forms the copies were a large part of the heap. Bounded, so a long-running process (<c>serve</c>) that
/// reads ever new texts keeps at most <see cref="MaxEntries"/> of them; past that a scalar is its own string.
/// </summary>
internal static class ScalarPool
{
    /// <summary>Longer scalars are seldom repeated word for word (long texts are blocks anyway).</summary>
    private const int MaxLength = 40;

    private const int MaxEntries = 1 << 18;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Pool.GetAlternateLookup<ReadOnlySpan<char>>();
    private static int count;

    /// <summary>The text as a string: the pool's when it has one, made (and kept, while there is room) when not.</summary>
    public static string Of(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxLength)
        {
            return text.ToString();
        }

        if (Lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var made = text.ToString();
        if (Volatile.Read(ref count) >= MaxEntries || !Pool.TryAdd(made, made))
        {
            return Pool.TryGetValue(made, out known) ? known : made;
        }

        Interlocked.Increment(ref count);
        return made;
    }
}
