namespace PerfDisclosure.Build.Caching;

/// <summary>
/// What each render key's output was in the last builds of a long-running process (<c>serve</c>): its hash as the
/// site manifest keeps it and its length. A key is a fingerprint of everything its output is made of, so the same key
/// gives the same bytes; when the published site still holds those bytes at the output's path (its manifest entry,
/// size and time unchanged), the output is kept as it is: its cache entry is not read and hashed, nothing is written.
/// What the last two builds used is kept (<see cref="LastTwoBuilds{TKey, TValue}"/>). One build at a time.
/// </summary>
public sealed class RenderMemory
{
    private readonly LastTwoBuilds<Sha256Value, Output> outputs = new();
    private int kept;

    /// <summary>An output's hash (<see cref="Publishing.SiteWriter.HashOf"/>) and length.</summary>
    public readonly record struct Output(UInt128 Hash, long Length);

    /// <summary>Outputs of the last build kept in place from memory.</summary>
    public int Kept => kept;

    /// <summary>Starts a build.</summary>
    public void Begin()
    {
        outputs.Begin();
        kept = 0;
    }

    /// <summary>What <paramref name="key"/> gave in an earlier build, or null.</summary>
    public Output? Recall(Sha256Value key) => outputs.TryRecall(key, _ => true, out var output) ? output : null;

    /// <summary>Records what <paramref name="key"/> gave in this build.</summary>
    public void Keep(Sha256Value key, Output output, bool inPlace)
    {
        outputs.Keep(key, output);
        if (inPlace)
        {
            Interlocked.Increment(ref kept);
        }
    }

    /// <summary>Once the build is published: what it used, and what the build before used, is what the next may recall.</summary>
    public void End() => outputs.End();
}
