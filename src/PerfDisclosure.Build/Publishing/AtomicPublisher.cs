namespace PerfDisclosure.Build.Publishing;

/// <summary>
/// Builds into a staging folder beside the output and swaps it into place only when the build succeeded,
/// so a failed, interrupted or killed build never leaves a half-written site.
/// </summary>
public static class AtomicPublisher
{
    /// <summary>A new, empty staging folder next to <paramref name="output"/> (same file system, so the swap is a rename).</summary>
    public static string CreateStaging(string output)
    {
        var full = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        CleanLeftovers(full);
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return staging;
    }

    /// <summary>Replaces <paramref name="output"/> with <paramref name="staging"/>: two renames, the old site removed last.</summary>
    public static void Publish(string staging, string output)
    {
        var full = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        var retired = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.retired-{Guid.NewGuid():N}");
        if (Directory.Exists(full))
        {
            Directory.Move(full, retired);
        }

        try
        {
            Directory.Move(staging, full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Put the old site back: a failed swap must leave the site as it was, not missing.
            if (Directory.Exists(retired) && !Directory.Exists(full))
            {
                Directory.Move(retired, full);
            }

            throw;
        }

        if (Directory.Exists(retired))
        {
            Directory.Delete(retired, recursive: true);
        }
    }

    public static void Discard(string staging)
    {
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Removes staging and retired folders that a killed build left behind.</summary>
    private static void CleanLeftovers(string output)
    {
        var parent = Path.GetDirectoryName(output)!;
        var name = Path.GetFileName(output);

        // A build killed between its two renames leaves the old site retired and none in place: restore it.
        if (!Directory.Exists(output) && Directory.EnumerateDirectories(parent, $".{name}.retired-*").Select(d => new DirectoryInfo(d)).MaxBy(d => d.LastWriteTimeUtc) is { } newest)
        {
            newest.MoveTo(output);
        }
        foreach (var dir in Directory.EnumerateDirectories(parent, $".{name}.*"))
        {
            var suffix = Path.GetFileName(dir)[(name.Length + 1)..];
            if (suffix.StartsWith(".staging-", StringComparison.Ordinal) || suffix.StartsWith(".retired-", StringComparison.Ordinal))
            {
                if (suffix.StartsWith($".staging-{Environment.ProcessId}-", StringComparison.Ordinal) || !IsRunningBuild(suffix))
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
        }
    }

    private static bool IsRunningBuild(string suffix)
    {
        var parts = suffix.Split('-');
        if (parts.Length < 3 || !int.TryParse(parts[1], out var pid))
        {
            return false;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
