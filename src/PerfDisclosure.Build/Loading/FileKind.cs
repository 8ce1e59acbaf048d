using System.Runtime.InteropServices;

namespace PerfDisclosure.Build.Loading;

/// <summary>What a path is, without following a last link and without opening it (opening a FIFO blocks until someone writes).</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    Link,

    /// <summary>A FIFO, socket, character or block device: never read into a site.</summary>
    Special,
}

/// <summary>
/// .NET reports a FIFO, <c>/dev/zero</c> and a regular file alike (<c>FileAttributes.Normal</c>, length 0), so the
/// kind is asked of the system: <c>statx</c> on Linux (its layout is the same on every architecture), the Device
/// attribute on Windows. Elsewhere (macOS, BSD) only links and folders are told apart; docs/security.md says so.
/// </summary>
public static partial class FileKinds
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 1;
    private const int ModeOffset = 28;

    public static FileKind Of(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            return FileKind.Link;
        }

        if (!info.Exists && !Directory.Exists(path))
        {
            return FileKind.Missing;
        }

        if (OperatingSystem.IsLinux() && Statx(path) is { } mode)
        {
            return (mode & 0xF000) switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0xA000 => FileKind.Link,
                _ => FileKind.Special,
            };
        }

        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        return info.Attributes.HasFlag(FileAttributes.Device) ? FileKind.Special : FileKind.Regular;
    }

    /// <summary>For an entry a listing says is neither a folder nor a link: a regular file or a special one.</summary>
    public static FileKind OfFile(string path)
    {
        if (OperatingSystem.IsLinux() && Statx(path) is { } mode)
        {
            return (mode & 0xF000) == 0x8000 ? FileKind.Regular : FileKind.Special;
        }

        try
        {
            return File.GetAttributes(path).HasFlag(FileAttributes.Device) ? FileKind.Special : FileKind.Regular;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FileKind.Missing;
        }
    }

    /// <summary>The file's mode (type and permission bits); null when statx fails or is unavailable.</summary>
    private static int? Statx(string path)
    {
        var buffer = new byte[256];
        try
        {
            return statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxType, buffer) == 0 ? BitConverter.ToUInt16(buffer, ModeOffset) : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
