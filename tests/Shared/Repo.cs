namespace PerfDisclosure.Testing;

/// <summary>Paths in this repository, found from the test's working directory.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    public static string Templates => Path.Combine(Root, "templates");

    /// <summary>The text extracted from the published PDFs that content/ was made from (tests/seeds/, one file per source PDF).</summary>
    public static string Seeds => Path.Combine(Root, "tests", "seeds");

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A new empty folder under this process's temp folder (<see cref="TempRoot"/>), for one test.</summary>
    public static string TempDir(string name)
    {
        var dir = Path.Combine(TempRootFolder.Value, $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>
    /// The folder of this test process's temp folders, under <c>perfdisclosure-tests</c> in the system temp folder. A
    /// run of the build tests writes about 2.4 GB of sites there: the folder is removed when the process exits, and one
    /// a killed run left is removed by the next (a run holds a lock on its <c>.running</c> file while it lives).
    /// </summary>
    public static string TempRoot => TempRootFolder.Value;

    private static readonly Lazy<string> TempRootFolder = new(OpenTempRoot);

    private static string OpenTempRoot()
    {
        var parent = Path.Combine(Path.GetTempPath(), "perfdisclosure-tests");
        Directory.CreateDirectory(parent);
        RemoveAbandoned(parent);
        var root = Directory.CreateDirectory(Path.Combine(parent, $"run-{Environment.ProcessId}-{Guid.NewGuid():N}")).FullName;
        var running = new FileStream(Path.Combine(root, RunningFile), FileMode.CreateNew, FileAccess.Write, FileShare.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            running.Dispose();
            Remove(new DirectoryInfo(root), last: RunningFile);
        };
        return root;
    }

    private const string RunningFile = ".running";

    /// <summary>Removes the folders of runs that ended without removing theirs, and temp folders of the layout before runs had one.</summary>
    private static void RemoveAbandoned(string parent)
    {
        var hourAgo = DateTime.UtcNow.AddHours(-1);
        foreach (var folder in new DirectoryInfo(parent).EnumerateDirectories())
        {
            if (folder.Name.StartsWith("run-", StringComparison.Ordinal) ? !Running(folder) && (File.Exists(Path.Combine(folder.FullName, RunningFile)) || folder.LastWriteTimeUtc < hourAgo) : folder.LastWriteTimeUtc < hourAgo)
            {
                Remove(folder, last: RunningFile);
            }
        }
    }

    /// <summary>Whether the run that made the folder still holds its lock (FileShare.None is an exclusive flock on Linux).</summary>
    private static bool Running(DirectoryInfo run)
    {
        try
        {
            using var _ = new FileStream(Path.Combine(run.FullName, RunningFile), FileMode.Open, FileAccess.Write, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>
    /// Removes what it can of a folder: a link is removed, not followed; what cannot be removed (a mount point) stays.
    /// The file named <paramref name="last"/> goes only after everything else: a run's lock file, so a folder its run
    /// could not empty still tells the next run it is abandoned.
    /// </summary>
    private static void Remove(DirectoryInfo folder, string? last = null)
    {
        if (Try(() => folder.EnumerateFileSystemInfos().ToList()) is { } entries)
        {
            foreach (var entry in entries.OrderBy(e => e.Name == last))
            {
                if (entry is DirectoryInfo child && child.LinkTarget is null)
                {
                    Remove(child);
                }
                else
                {
                    // unlink(2): a file, or a link itself (DirectoryInfo.Delete would rmdir a link to a folder, and fail).
                    Try(() => { File.Delete(entry.FullName); return entry; });
                }
            }
        }

        Try(() => { folder.Delete(); return folder; });
    }

    private static T? Try<T>(Func<T> act)
        where T : class
    {
        try
        {
            return act();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // left for a later run
        }
    }

    /// <summary>Copies a folder's files (content/ by default) into <paramref name="to"/>, for a test that edits them.</summary>
    public static string CopyTree(string to, string? from = null)
    {
        from ??= Content;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return to;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PerfDisclosure.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PerfDisclosure.sln not found above " + AppContext.BaseDirectory);
    }
}
