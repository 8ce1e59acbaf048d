using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace PerfDisclosure.Build.Caching;

/// <summary>
/// What the last two builds of a long-running process (<c>serve</c>) used, by key, for a memory to recall from: a
/// build recalls from either and keeps what it uses; once it is done, what it used and what the build before it used
/// are what the next may recall, and anything older is forgotten. Two, because <c>serve --pdf</c> alternates builds
/// whose outputs differ (by their PDF links). One build at a time; within a build, any number of threads.
/// </summary>
public sealed class LastTwoBuilds<TKey, TValue>
    where TKey : notnull
{
    private ConcurrentDictionary<TKey, TValue> last = new();
    private ConcurrentDictionary<TKey, TValue> before = new();
    private ConcurrentDictionary<TKey, TValue> used = new();

    /// <summary>Starts a build: nothing used yet.</summary>
    public void Begin() => used = new(Environment.ProcessorCount, Math.Max(31, last.Count)); // about what the last build used

    /// <summary>Whether an earlier build kept a value for <paramref name="key"/> that <paramref name="fits"/>, the last build's first.</summary>
    public bool TryRecall(TKey key, Func<TValue, bool> fits, [MaybeNullWhen(false)] out TValue value) =>
        (last.TryGetValue(key, out value) && fits(value)) || (before.TryGetValue(key, out value) && fits(value));

    /// <summary>Records what this build used for <paramref name="key"/>.</summary>
    public void Keep(TKey key, TValue value) => used[key] = value;

    /// <summary>Once the build is done: what it used, and what the build before used, is what the next may recall.</summary>
    public void End() => (before, last) = (last, used);

    /// <summary>Forgets both builds (the build under way keeps what it has used).</summary>
    public void Forget() => (last, before) = (new(), new());
}
