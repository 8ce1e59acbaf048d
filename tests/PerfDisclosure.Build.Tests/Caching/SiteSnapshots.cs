using System.Collections.Concurrent;
using System.Text;

namespace PerfDisclosure.Build.Tests.Caching;

/// <summary>
/// Comparing two snapshots of a site (<see cref="IncrementalBuildTests.Snapshot"/>: each file's SHA-256 by its path).
/// A failure names every path that differs and shows, for a text file, the first line where the two versions part:
/// the texts are kept by their hash when a snapshot is taken, so a site rebuilt since can still be shown as it was.
/// </summary>
internal static class SiteSnapshots
{
    private const int KeptUpTo = 1 << 20;

    private static readonly ConcurrentDictionary<string, byte[]> Texts = new(StringComparer.Ordinal);

    private static readonly string[] TextEndings = [".html", ".json", ".xml", ".txt", ".csv", ".css", ".js"];

    /// <summary>Keeps a file's bytes by their hash, for <see cref="AssertSame"/> to show (text files up to 1 MiB).</summary>
    public static void Keep(string path, string hash, byte[] bytes)
    {
        if (bytes.Length <= KeptUpTo && TextEndings.Any(e => path.EndsWith(e, StringComparison.Ordinal)))
        {
            Texts.TryAdd(hash, bytes);
        }
    }

    public static void AssertSame(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual)
    {
        var paths = expected.Keys.Union(actual.Keys, StringComparer.Ordinal).ToList();
        var differing = paths
            .Where(path => !expected.TryGetValue(path, out var left) || !actual.TryGetValue(path, out var right) || left != right)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (differing.Count == 0)
        {
            return;
        }

        var message = new StringBuilder($"{differing.Count} of {paths.Count} files differ:");
        foreach (var path in differing.Take(20))
        {
            message.Append("\n  ").Append(path).Append(": ").Append(Describe(expected.GetValueOrDefault(path), actual.GetValueOrDefault(path)));
        }

        Assert.Fail(message.ToString());
    }

    private static string Describe(string? expected, string? actual)
    {
        if (expected is null || actual is null)
        {
            return expected is null ? "only in the second site" : "only in the first site";
        }

        if (!Texts.TryGetValue(expected, out var left) || !Texts.TryGetValue(actual, out var right))
        {
            return "the bytes differ";
        }

        var (a, b) = (Encoding.UTF8.GetString(left).Split('\n'), Encoding.UTF8.GetString(right).Split('\n'));
        for (var line = 0; line < Math.Max(a.Length, b.Length); line++)
        {
            var (x, y) = (line < a.Length ? a[line] : "(end)", line < b.Length ? b[line] : "(end)");
            if (x != y)
            {
                return $"line {line + 1}\n    expected: {Clip(x)}\n    actual:   {Clip(y)}";
            }
        }

        return "the bytes differ";
    }

    private static string Clip(string line) => line.Length <= 400 ? line : line[..400] + "…";
}
