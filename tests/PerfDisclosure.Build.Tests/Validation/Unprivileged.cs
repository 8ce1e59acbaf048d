using System.Runtime.InteropServices;

namespace PerfDisclosure.Build.Tests.Validation;

/// <summary>
/// Runs a read as an ordinary user would, from a test run as root: on a thread of its own whose file-system user
/// (Linux's per-thread fsuid) is nobody, which also drops root's power to read any file, then gives it back. Nothing
/// else of the process changes; run as an ordinary user, the call runs as is.
/// </summary>
public static class Unprivileged
{
    private const uint Nobody = 65534;

    public static T Run<T>(Func<T> read)
    {
        if (!OperatingSystem.IsLinux() || geteuid() != 0)
        {
            return read();
        }

        T result = default!;
        Exception? failed = null;
        var thread = new Thread(() =>
        {
            setfsuid(Nobody);
            try
            {
                result = read();
            }
            catch (Exception e)
            {
                failed = e;
            }
            finally
            {
                setfsuid(0);
            }
        });
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(60)), "the unprivileged read did not finish");
        return failed is null ? result : throw new InvalidOperationException("the unprivileged read failed", failed);
    }

    // DllImport, not LibraryImport: both calls take and return plain integers, and the project compiles no unsafe code.
    [DllImport("libc")]
    private static extern int setfsuid(uint fsuid);

    [DllImport("libc")]
    private static extern uint geteuid();
}
