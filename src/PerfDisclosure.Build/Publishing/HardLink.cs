using System.Runtime.InteropServices;
using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Publishing;

/// <summary>A second name for an existing file (a hard link): the operating system's own call, as .NET 10 has none.</summary>
public static class HardLink
{
    /// <summary>Creates <paramref name="path"/> as a hard link to <paramref name="existing"/>.</summary>
    /// <exception cref="Reporting.BilingualIOException">No link could be made (the path exists, another file system, no links there or no such call).</exception>
    public static void Create(string path, string existing)
    {
        bool made;
        try
        {
            made = OperatingSystem.IsWindows() ? CreateHardLinkW(path, existing, IntPtr.Zero) : link(existing, path) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new Reporting.BilingualIOException($"无法创建硬链接“{path}”：系统不提供这个调用{OriginalText.InChinese(e.Message)}", $"cannot link '{path}': {e.Message}", e);
        }

        if (!made)
        {
            var error = Marshal.GetLastPInvokeError();
            throw new Reporting.BilingualIOException($"无法把“{path}”创建为“{existing}”的硬链接：{Reporting.SystemFailure.ChineseSentence(Reporting.SystemFailure.OfErrorNumber(error))}（错误号 {error}）", $"cannot link '{path}' to '{existing}' (error {error})");
        }
    }

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string path);

    [DllImport("kernel32", SetLastError = true, CharSet = CharSet.Unicode)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool CreateHardLinkW(string path, string existing, IntPtr security);
}
