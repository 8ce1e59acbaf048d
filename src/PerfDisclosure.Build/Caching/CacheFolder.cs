using PerfDisclosure.Build.Publishing;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation.Rules.Outputs;

namespace PerfDisclosure.Build.Caching;

/// <summary>
/// The <c>--cache</c> folder, which the render cache (<c>render/</c>) and the PDF cache (<c>pdf/</c>) share: marked
/// as the tool's when first used (<see cref="FolderGuard.CacheMarker"/>), so a later build may prune it. A cache
/// only saves time: a folder that cannot be written (read-only, a full disk, a file in its place) turns its writes
/// off for the rest of the build, and the build goes on without it with one warning (<see cref="Warning"/>).
/// </summary>
public sealed class CacheFolder
{
    private const string MarkerText = "This folder is perfdisclosure's build cache; it may be deleted at any time.\n";
    private string? failure;

    private CacheFolder(string root)
    {
        Root = root;
    }

    public string Root { get; }

    /// <summary>Whether nothing has failed to be written yet.</summary>
    public bool Writable => Volatile.Read(ref failure) is null;

    /// <summary>Opens the folder, making and marking it; a failure to do so only turns its writes off.</summary>
    public static CacheFolder Open(string dir)
    {
        var folder = new CacheFolder(Path.GetFullPath(dir));
        folder.Try(() =>
        {
            Directory.CreateDirectory(folder.Root);
            var marker = Path.Combine(folder.Root, FolderGuard.CacheMarker);
            if (!File.Exists(marker))
            {
                File.WriteAllText(marker, MarkerText);
            }
        });
        return folder;
    }

    /// <summary>A path under the folder.</summary>
    public string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A checked entry's bytes (<see cref="CacheFile"/>), or null when it is missing, damaged or cannot be read.</summary>
    public byte[]? Read(string path)
    {
        try
        {
            return CacheFile.Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A linked entry's bytes when they match <paramref name="hash"/> (<see cref="CacheFile.ReadLinked"/>), or null.</summary>
    public byte[]? ReadLinked(string path, ReadOnlySpan<byte> hash)
    {
        try
        {
            return CacheFile.ReadLinked(path, hash);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Stores an entry as a hard link to a file just written (<see cref="CacheFile.Link"/>) unless writing has failed before.</summary>
    public void Link(string path, string existing, ReadOnlySpan<byte> bytes)
    {
        if (!Writable)
        {
            return;
        }

        try
        {
            CacheFile.Link(path, existing, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail(e);
        }
    }

    /// <summary>Stores an entry unless writing has failed before; a failure is remembered, not thrown.</summary>
    public void Write(string path, ReadOnlySpan<byte> bytes)
    {
        if (!Writable)
        {
            return;
        }

        try
        {
            CacheFile.Write(path, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail(e);
        }
    }

    /// <summary>Runs a change to the folder (pruning, the marker) unless writing has failed; a failure is remembered, not thrown.</summary>
    public void Try(Action change)
    {
        if (!Writable)
        {
            return;
        }

        try
        {
            change();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail(e);
        }
    }

    /// <summary>The one warning of a build whose cache could not be written, or null.</summary>
    public Diagnostic? Warning() => Volatile.Read(ref failure) is { } reason
        ? new Diagnostic(OutputRules.CacheUnwritable.Code, Severity.Warning, SourceSpan.FileOnly(Root), $"无法写入缓存文件夹，本次构建未使用缓存{OriginalText.InChinese(reason)}", $"The cache folder cannot be written; this build went on without it: {reason}", new("腾出磁盘空间或改正文件夹权限，或用 --cache 指定另一个文件夹，或加 --no-cache", "free some space or fix its permissions, or give --cache another folder, or --no-cache"))
        : null;

    private void Fail(Exception e) => Interlocked.CompareExchange(ref failure, e.Message.Split('\n')[0], null);
}
