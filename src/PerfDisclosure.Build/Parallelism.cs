namespace PerfDisclosure.Build;

/// <summary>How the build's parallel loops run.</summary>
public static class Parallelism
{
    /// <summary>
    /// One worker per core. Without a bound, the thread pool adds workers whenever one blocks on a file write, and
    /// each extra worker holds a page, its buffers and its pooled arrays at once: at 100,000 forms that was most of
    /// the peak memory, for no gain in speed on work that is mostly CPU.
    /// </summary>
    public static ParallelOptions PerCore { get; } = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary><see cref="PerCore"/>, stopping between items once <paramref name="interrupt"/> is cancelled (<see cref="SiteBuilder.Interrupt"/>).</summary>
    public static ParallelOptions Until(CancellationToken interrupt) =>
        interrupt.CanBeCanceled ? new() { MaxDegreeOfParallelism = PerCore.MaxDegreeOfParallelism, CancellationToken = interrupt } : PerCore;
}
