namespace PerfDisclosure.Build.Pdf;

/// <summary>
/// Finds the system's Chromium. Playwright's own browser download cannot work offline, so the build prints with
/// the browser the machine has: the <c>--chromium</c> option, then <c>$PERFDISCLOSURE_CHROMIUM</c>, then the usual paths.
/// </summary>
public static class ChromiumLocator
{
    public const string EnvironmentVariable = "PERFDISCLOSURE_CHROMIUM";

    public const string InstallHint = "apt-get install chromium (Debian/Ubuntu), or --chromium PATH";

    private static readonly string[] UsualPaths =
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
        "/usr/bin/google-chrome-stable",
        "/snap/bin/chromium",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        @"C:\Program Files\Google\Chrome\Application\chrome.exe",
    ];

    /// <summary>The executable to print with, or null (with the reason) when there is none.</summary>
    public static (string? Path, string Reason) Find(string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return File.Exists(explicitPath) ? (Path.GetFullPath(explicitPath), string.Empty) : (null, $"--chromium {explicitPath}: no such file");
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return File.Exists(fromEnvironment) ? (fromEnvironment, string.Empty) : (null, $"${EnvironmentVariable}={fromEnvironment}: no such file");
        }

        var found = UsualPaths.FirstOrDefault(File.Exists);
        return found is null ? (null, "no Chromium found") : (found, string.Empty);
    }
}
