namespace PerfDisclosure.Build.Pdf;

/// <summary>
/// Finds the typesetting engine: Node and the project's <c>pdf-engine/</c> folder with its packages installed
/// (<c>npm ci --prefix pdf-engine</c>, docs/pdf.md). <c>$PERFDISCLOSURE_PDF_ENGINE</c> names the folder, else it is
/// looked for from the working folder and from the tool's own folder upwards; Node is <c>$PERFDISCLOSURE_NODE</c> or
/// <c>node</c> on the PATH.
/// </summary>
public static class TypstEngine
{
    public const string FolderVariable = "PERFDISCLOSURE_PDF_ENGINE";

    public const string NodeVariable = "PERFDISCLOSURE_NODE";

    public const string InstallHint = "npm ci --prefix pdf-engine";

    /// <summary>The compiler package: its presence says the packages are installed.</summary>
    private static readonly string Compiler = Path.Combine("node_modules", "@myriaddreamin", "typst-ts-node-compiler", "package.json");

    /// <summary>The engine's folder and Node, or null with the reason.</summary>
    public static (string? Folder, string? Node, string Reason) Find(string? explicitFolder = null)
    {
        var folder = FindFolder(explicitFolder, out var reason);
        if (folder is null)
        {
            return (null, null, reason);
        }

        var node = FindNode();
        return node is null ? (null, null, "no node found") : (folder, node, string.Empty);
    }

    /// <summary>What the engine's installed packages are, for the PDF cache's key: another engine or font, other PDFs.</summary>
    public static string Version(string folder)
    {
        var lockFile = Path.Combine(folder, "package-lock.json");
        var worker = Path.Combine(folder, "worker.js");
        return string.Concat(File.Exists(lockFile) ? File.ReadAllText(lockFile) : string.Empty, File.ReadAllText(worker), File.ReadAllText(Path.Combine(folder, "fonts.conf")), File.ReadAllText(Path.Combine(folder, FontCoverage.FontList)));
    }

    private static string? FindFolder(string? explicitFolder, out string reason)
    {
        if (!string.IsNullOrWhiteSpace(explicitFolder))
        {
            reason = $"--pdf-engine-dir {explicitFolder}: no installed engine there";
            return Installed(explicitFolder) ? Path.GetFullPath(explicitFolder) : null;
        }

        var named = Environment.GetEnvironmentVariable(FolderVariable);
        if (!string.IsNullOrWhiteSpace(named))
        {
            reason = $"${FolderVariable}={named}: no installed engine there";
            return Installed(named) ? Path.GetFullPath(named) : null;
        }

        reason = "no PDF engine installed";
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "pdf-engine");
                if (Installed(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static bool Installed(string folder) =>
        File.Exists(Path.Combine(folder, "worker.js")) && File.Exists(Path.Combine(folder, "fonts.conf")) && File.Exists(Path.Combine(folder, FontCoverage.FontList)) && File.Exists(Path.Combine(folder, Compiler));

    private static string? FindNode()
    {
        var named = Environment.GetEnvironmentVariable(NodeVariable);
        if (!string.IsNullOrWhiteSpace(named))
        {
            return File.Exists(named) ? named : null;
        }

        var names = OperatingSystem.IsWindows() ? new[] { "node.exe" } : ["node", "nodejs"];
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(n => Path.Combine(dir, n)))
            .FirstOrDefault(File.Exists);
    }
}
