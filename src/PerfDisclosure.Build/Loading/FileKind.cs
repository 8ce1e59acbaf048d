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
    private const int Unavailable = -1;
    private const int Failed = -2;

    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsLinux() && Statx(path) is var statx and not Unavailable)
        {
            // One call for the lot, the last link not followed.
            return (statx & 0xF000) switch
            {
                _ when statx == Failed => FileKind.Missing,
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0xA000 => FileKind.Link,
                _ => FileKind.Special,
            };
        }

        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            return FileKind.Link;
        }

        if (!info.Exists && !Directory.Exists(path))
        {
            return FileKind.Missing;
        }

        return Directory.Exists(path) ? FileKind.Directory : info.Attributes.HasFlag(FileAttributes.Device) ? FileKind.Special : FileKind.Regular;
    }

    /// <summary>The file's mode (type and permission bits), <see cref="Failed"/> when it cannot be asked (missing), <see cref="Unavailable"/> without statx.</summary>
    private static int Statx(string path)
    {
        var buffer = new byte[256];
        try
        {
            return statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxType, buffer) == 0 ? BitConverter.ToUInt16(buffer, ModeOffset) : Failed;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Unavailable;
        }
    }

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
