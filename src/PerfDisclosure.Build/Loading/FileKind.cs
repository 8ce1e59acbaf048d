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
/// What the system says of a regular file that changes whenever its bytes may have: its size, its modification and
/// change times (nanoseconds since 1970) and its inode. Git's index keeps the same, to trust a file's last hash
/// without reading it again (<see cref="Caching.ContentDigests"/>).
/// </summary>
public readonly record struct FileStamp(long Size, long Modified, long Changed, ulong Inode);

/// <summary>
/// .NET reports a FIFO, <c>/dev/zero</c> and a regular file alike (<c>FileAttributes.Normal</c>, length 0), so the
/// kind is asked of the system: <c>statx</c> on Linux (its layout is the same on every architecture), the Device
/// attribute on Windows. Elsewhere (macOS, BSD) only links and folders are told apart; docs/security.md says so.
/// </summary>
public static partial class FileKinds
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxStamp = 0x40 | 0x80 | 0x100 | 0x200; // STATX_MTIME, STATX_CTIME, STATX_INO, STATX_SIZE
    private const int MaskOffset = 0;
    private const int ModeOffset = 28;
    private const int InodeOffset = 32;
    private const int SizeOffset = 40;
    private const int ChangedOffset = 96;
    private const int ModifiedOffset = 112;
    private const int Unavailable = -1;
    private const int Failed = -2;

    public static FileKind Of(string path) => Of(path, out _);

    /// <summary>What the path is and, for a regular file where the system tells it (Linux), its <see cref="FileStamp"/>; null elsewhere.</summary>
    public static FileKind Of(string path, out FileStamp? stamp)
    {
        stamp = null;
        var buffer = OperatingSystem.IsLinux() ? new byte[256] : null;
        if (buffer is not null && Statx(path, buffer) is var statx and not Unavailable)
        {
            // One call for the lot, the last link not followed.
            var kind = (statx & 0xF000) switch
            {
                _ when statx == Failed => FileKind.Missing,
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0xA000 => FileKind.Link,
                _ => FileKind.Special,
            };
            if (kind == FileKind.Regular && (BitConverter.ToUInt32(buffer, MaskOffset) & StatxStamp) == StatxStamp)
            {
                stamp = new FileStamp(BitConverter.ToInt64(buffer, SizeOffset), Nanoseconds(buffer, ModifiedOffset), Nanoseconds(buffer, ChangedOffset), BitConverter.ToUInt64(buffer, InodeOffset));
            }

            return kind;
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
    private static int Statx(string path, byte[] buffer)
    {
        try
        {
            return statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxType | StatxStamp, buffer) == 0 ? BitConverter.ToUInt16(buffer, ModeOffset) : Failed;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Unavailable;
        }
    }

    /// <summary>A <c>statx_timestamp</c> (seconds, then nanoseconds) as nanoseconds since 1970.</summary>
    private static long Nanoseconds(byte[] buffer, int offset) =>
        (BitConverter.ToInt64(buffer, offset) * 1_000_000_000) + BitConverter.ToUInt32(buffer, offset + 8);

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
