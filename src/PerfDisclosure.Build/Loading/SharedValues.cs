using System.Collections.Concurrent;

namespace PerfDisclosure.Build.Loading;

/// <summary>
/// One shared value per distinct text, made once, for values that recur across forms. Safe from any thread, and
/// bounded: past <see cref="Limit"/> texts it makes new values without keeping them, so a long-running preview
/// cannot grow it without end.
/// </summary>
public sealed class SharedValues<T>
{
    public const int Limit = 1 << 17;

    private readonly ConcurrentDictionary<string, T> values = new(StringComparer.Ordinal);
    private int count;

    public T Get(string text, Func<string, T> make)
    {
        if (values.TryGetValue(text, out var shared))
        {
            return shared;
        }

        // ConcurrentDictionary.Count takes every lock: the bound is kept by a counter of its own.
        if (Volatile.Read(ref count) >= Limit)
        {
            return make(text);
        }

        var value = make(text);
        if (values.TryAdd(text, value))
        {
            Interlocked.Increment(ref count);
            return value;
        }

        return values[text];
    }
}
