namespace PerfDisclosure.Build.Publishing;

/// <summary>
/// Decides whether a build may replace its output folder and prune its cache folder: only when the folder is
/// missing, empty, or holds the marker the tool writes there (<see cref="OutputFolder.MarkerName"/>,
/// <see cref="CacheMarker"/>). Anything else is refused, as is any folder that is, holds or lies inside an input
/// (content, templates, shards) or the other of the two, and any folder that is or holds the working folder, the
/// home folder or the root. Paths are compared after symbolic links are resolved.
/// </summary>
public static partial class FolderGuard
{
    /// <summary>Written into a cache folder the tool made; a folder holding it may be pruned.</summary>
    public const string CacheMarker = ".perfdisclosure-cache";

    /// <summary>What the tool writes at the top of a cache folder (older versions wrote no marker).</summary>
    private static readonly HashSet<string> CacheEntries = new([CacheMarker, "build-stamp.json", "build-stamp.json.tmp", "render", Caching.RenderCache.IndexName, Caching.RenderCache.IndexName + ".tmp", "pdf"], StringComparer.Ordinal);

    /// <summary>Checks the output and cache folders of a build; returns the output folder's full path.</summary>
    /// <exception cref="OutputFolderException">One line naming the folder, why, and what to give instead.</exception>
    public static string Check(BuildOptions options)
    {
        var output = Full(options.OutputDir);
        var cache = options.CacheDir is null ? null : Full(options.CacheDir);
        var inputs = new List<(Words What, string Path)> { (new("内容文件夹", "the content folder"), Real(options.ContentDir)) };
        if (options.TemplatesDir is not null)
        {
            inputs.Add((new("模板文件夹", "the templates folder"), Real(options.TemplatesDir)));
        }

        inputs.AddRange((options.MergeFrom ?? []).Select(shard => (new Words("一个分片文件夹", "a shard folder"), Real(shard))));

        var outputFix = new Words("请给 --output 一个单独的文件夹，例如 --output site", "give --output a folder of its own, e.g. --output site");
        var cacheFix = new Words("请给 --cache 一个单独的文件夹，例如 --cache .cache，或加上 --no-cache 构建", "give --cache a folder of its own, e.g. --cache .cache, or build with --no-cache");
        // The folders no build may touch come first, so --cache / is refused as the root, not as holding the output.
        Refuse(output, "--output", outputFix, SystemFolder(output));
        Refuse(cache, "--cache", cacheFix, SystemFolder(cache));
        Refuse(output, "--output", outputFix, Overlap(output, inputs) ?? Contents(output, OutputFolder.IsTheTools));
        Refuse(cache, "--cache", cacheFix, Overlap(cache, [.. inputs, (new("输出文件夹", "the output folder"), Real(output))]) ?? Contents(cache, IsTheToolsCache, fileRefused: false));
        return output;
    }

    /// <summary>A piece of a refusal in Chinese and English: what a folder is, why it is refused, what to give instead.</summary>
    private readonly record struct Words(string Zh, string En);

    private static void Refuse(string? folder, string option, Words fix, Words? reason)
    {
        if (folder is not null && reason is { } why)
        {
            throw new OutputFolderException($"{option} {folder}：{why.Zh}；其中的内容没有改动；{fix.Zh}", $"{option} {folder}: {why.En}; nothing in it was changed; {fix.En}");
        }
    }

    /// <summary>Why a folder is the root, the home or the working folder, or holds one of them; null when it is none.</summary>
    private static Words? SystemFolder(string? given)
    {
        if (given is null)
        {
            return null;
        }

        var folder = Real(given);
        if (Path.GetDirectoryName(folder) is null)
        {
            return new Words("是文件系统的根目录", "is the root of the file system");
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Overlap(folder, [.. new[] { (new Words("主目录", "the home folder"), home), (new Words("当前工作文件夹", "the working folder"), Environment.CurrentDirectory) }.Where(p => p.Item2.Length > 0).Select(p => (p.Item1, Real(p.Item2)))], inside: false);
    }

    /// <summary>Why a folder is, holds or (unless <paramref name="inside"/> is false) lies inside one of <paramref name="others"/>.</summary>
    private static Words? Overlap(string? given, IEnumerable<(Words What, string Path)> others, bool inside = true)
    {
        if (given is null)
        {
            return null;
        }

        var folder = Real(given);
        foreach (var (what, path) in others)
        {
            if (folder == path)
            {
                return new Words($"就是{what.Zh}", $"is {what.En}");
            }

            if (Inside(path, folder))
            {
                return new Words($"包含{what.Zh}（{path}）", $"holds {what.En} ({path})");
            }

            if (inside && Inside(folder, path))
            {
                return new Words($"位于{what.Zh}之内（{path}）", $"is inside {what.En} ({path})");
            }
        }

        return null;
    }

    /// <summary>Why a folder's entries show it is not the tool's: a link, a file, a repository, files the tool did not write.</summary>
    /// <param name="fileRefused">False for the cache: a file in its place is never written or removed, the build goes on without a cache.</param>
    private static Words? Contents(string? given, Func<string, string[], bool> isTheTools, bool fileRefused = true)
    {
        if (given is null)
        {
            return null;
        }

        var info = new DirectoryInfo(given);
        if (info.LinkTarget is { } target)
        {
            return new Words($"是一个符号链接（指向 {target}），构建会替换它；请给出文件夹本身", $"is a symbolic link (to {target}), which a build would replace; give the folder itself");
        }

        if (File.Exists(given))
        {
            return fileRefused ? new Words("是文件，不是文件夹", "is a file, not a folder") : null;
        }

        if (!info.Exists)
        {
            return null;
        }

        var names = Directory.EnumerateFileSystemEntries(given).Select(Path.GetFileName).OfType<string>().Where(n => !OutputFolder.IsWorkingEntry(n)).Order(StringComparer.Ordinal).ToArray();
        if (names.Length == 0 || isTheTools(given, names))
        {
            return null;
        }

        return names.Contains(".git", StringComparer.Ordinal)
            ? new Words("是一个 git 仓库（其中有 .git）", "is a git repository (it holds .git)")
            : new Words($"包含不是 perfdisclosure 写入的文件（例如 {names[0]}）", $"holds files perfdisclosure did not write (e.g. {names[0]})");
    }

    /// <summary>
    /// Marked, or laid out as only an earlier version wrote it: its stamp, and entries named by their hash under
    /// render/ and pdf/ (a folder of the user's that happens to hold a render/ folder is not the tool's).
    /// </summary>
    private static bool IsTheToolsCache(string folder, string[] names)
    {
        if (File.Exists(Path.Combine(folder, CacheMarker)))
        {
            return true;
        }

        var recurse = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 };
        return names.All(CacheEntries.Contains)
            && Under(folder, "render").All(p => HashName().IsMatch(p))
            && Under(folder, "pdf").All(p => PdfName().IsMatch(p));

        IEnumerable<string> Under(string root, string sub) => Directory.Exists(Path.Combine(root, sub))
            ? Directory.EnumerateFileSystemEntries(Path.Combine(root, sub), "*", recurse).Select(p => Path.GetRelativePath(Path.Combine(root, sub), p).Replace('\\', '/'))
            : [];
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9a-f]{2}(/[0-9a-f]{64})?$")]
    private static partial System.Text.RegularExpressions.Regex HashName();

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9a-f]{64}\\.pdf$")]
    private static partial System.Text.RegularExpressions.Regex PdfName();

    /// <summary>Whether <paramref name="path"/> lies strictly inside <paramref name="folder"/>.</summary>
    private static bool Inside(string path, string folder) =>
        path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The full path without a trailing separator (the root keeps its own).</summary>
    public static string Full(string path)
    {
        var full = Path.GetFullPath(path);
        return full.Length > Path.GetPathRoot(full)!.Length ? full.TrimEnd(Path.DirectorySeparatorChar) : full;
    }

    /// <summary>The full path with every symbolic link among its existing parts resolved.</summary>
    public static string Real(string path)
    {
        var full = Full(path);
        var root = Path.GetPathRoot(full)!;
        var real = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(real, part);
            real = new DirectoryInfo(next).LinkTarget is not null && new DirectoryInfo(next).ResolveLinkTarget(returnFinalTarget: true) is { } resolved
                ? Real(resolved.FullName)
                : next;
        }

        return real;
    }
}
