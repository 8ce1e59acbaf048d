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

    /// <summary>A new empty folder under the system temp folder, for one test.</summary>
    public static string TempDir(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "perfdisclosure-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
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
