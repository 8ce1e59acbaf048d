using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Reporting;

/// <summary>
/// A failure of the machine (an <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> the system
/// raised) in the words of a command's <c>--lang</c>. The system's words come in English only, and they name the
/// path: the English line is them as they are; the Chinese line says in Chinese what went wrong and what to do, for
/// the common cases told apart by exception type and error number, then quotes them (<see cref="OriginalText"/>), so
/// the path is in both. A failure the tool worded itself (<see cref="IBilingualException"/>) is its own message.
/// </summary>
public static class SystemFailure
{
    /// <summary>What went wrong, as far as the exception tells.</summary>
    public enum Kind
    {
        Other,
        DiskFull,
        PermissionDenied,
        NotFound,
        ReadOnly,
        PathTooLong,
        InUse,
        NotAFolder,
        Exists,
    }

    public static string In(Exception e, string language) => e switch
    {
        IBilingualException bilingual => bilingual.MessageIn(language),
        _ => MessageLanguage.IsEnglish(language) ? e.Message : Chinese(e),
    };

    /// <summary>The failure in Chinese: what went wrong and what to do, then the system's words.</summary>
    public static string Chinese(Exception e) => e is IBilingualException bilingual
        ? bilingual.MessageZh
        : ChineseSentence(Of(e)) + OriginalText.InChinese(e.Message);

    public static Kind Of(Exception e) => e switch
    {
        UnauthorizedAccessException => Kind.PermissionDenied,
        PathTooLongException => Kind.PathTooLong,
        FileNotFoundException or DirectoryNotFoundException or DriveNotFoundException => Kind.NotFound,
        IOException io when ErrorNumber(io.HResult) is { } number => OfErrorNumber(number),
        _ => Kind.Other,
    };

    /// <summary>The sentence for a kind, to begin a Chinese message with: what went wrong, then what to do.</summary>
    public static string ChineseSentence(Kind kind) => kind switch
    {
        Kind.DiskFull => "磁盘空间已满：请清理磁盘，或换用空间充足的位置后重试",
        Kind.PermissionDenied => "没有权限访问该路径：请检查文件或文件夹的权限，或换用有权限的位置",
        Kind.NotFound => "找不到文件或文件夹：请检查路径是否正确",
        Kind.ReadOnly => "文件系统是只读的：请换用可以写入的位置",
        Kind.PathTooLong => "路径过长：请换用较短的路径或文件名",
        Kind.InUse => "文件正被其他程序占用：请关闭占用它的程序后重试",
        Kind.NotAFolder => "路径中有一段是文件而不是文件夹：请检查路径",
        Kind.Exists => "已有同名的文件或文件夹：请换一个名称，或先把它移走",
        _ => "读写文件时出错：请检查路径和磁盘后重试",
    };

    /// <summary>
    /// What an error number means: errno on Linux and macOS (the BSDs number a few errors otherwise), a Win32 error
    /// on Windows, as <see cref="System.Runtime.InteropServices.Marshal.GetLastPInvokeError"/> gives them.
    /// </summary>
    public static Kind OfErrorNumber(int number)
    {
        if (OperatingSystem.IsWindows())
        {
            return number switch
            {
                112 or 39 => Kind.DiskFull, // ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL
                5 => Kind.PermissionDenied, // ERROR_ACCESS_DENIED
                2 or 3 => Kind.NotFound, // ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND
                19 => Kind.ReadOnly, // ERROR_WRITE_PROTECT
                206 => Kind.PathTooLong, // ERROR_FILENAME_EXCED_RANGE
                32 or 33 => Kind.InUse, // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
                267 => Kind.NotAFolder, // ERROR_DIRECTORY
                80 or 183 => Kind.Exists, // ERROR_FILE_EXISTS, ERROR_ALREADY_EXISTS
                _ => Kind.Other,
            };
        }

        var bsd = OperatingSystem.IsMacOS() || OperatingSystem.IsIOS() || OperatingSystem.IsFreeBSD();
        return number switch
        {
            28 => Kind.DiskFull, // ENOSPC
            122 when !bsd => Kind.DiskFull, // EDQUOT (Linux)
            69 when bsd => Kind.DiskFull, // EDQUOT (BSD)
            1 or 13 => Kind.PermissionDenied, // EPERM, EACCES
            2 => Kind.NotFound, // ENOENT
            30 => Kind.ReadOnly, // EROFS
            36 when !bsd => Kind.PathTooLong, // ENAMETOOLONG (Linux)
            63 when bsd => Kind.PathTooLong, // ENAMETOOLONG (BSD)
            16 or 26 => Kind.InUse, // EBUSY, ETXTBSY
            11 when !bsd => Kind.InUse, // EWOULDBLOCK: a lock another process holds (Linux)
            35 when bsd => Kind.InUse, // EWOULDBLOCK (BSD)
            20 => Kind.NotAFolder, // ENOTDIR
            17 => Kind.Exists, // EEXIST
            _ => Kind.Other,
        };
    }

    /// <summary>
    /// The error number an <see cref="IOException"/> carries in its HResult: on Linux and macOS .NET puts the raw
    /// errno there, on Windows the Win32 error as 0x8007xxxx. Any other value (0x80131620, COR_E_IO, of an
    /// IOException made by code) is none.
    /// </summary>
    private static int? ErrorNumber(int hresult) => OperatingSystem.IsWindows()
        ? ((uint)hresult & 0xFFFF0000) == 0x80070000 ? hresult & 0xFFFF : null
        : hresult is > 0 and < 4096 ? hresult : null;
}
