using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation.Rules.Input;

namespace PerfDisclosure.Build.Loading;

/// <summary>
/// One file a site may be built from: its full path (through links that stay inside), its name under the root and,
/// where the system tells it, its <see cref="FileStamp"/> as the walk found it.
/// </summary>
public sealed record SourceFile(string Path, string Name, FileStamp? Stamp = null);

/// <summary>
/// The files of content/ or of a templates folder, and nothing from outside it. Every reader of those folders —
/// the loader, the theme, the build stamp and the render cache's fingerprints — takes its list from here, so one
/// walk decides what can reach a site. A link (to a file or a folder) is followed only when its target, every link
/// on the way resolved, is inside the root; a link leading outside (<c>env.md -> /proc/self/environ</c>), one that
/// loops or leads nowhere is refused, naming the link and never opening its target (PD0708). A FIFO, socket or
/// device is refused without being opened (PD0709): opening a FIFO blocks, reading <c>/dev/zero</c> never ends.
/// Each folder is walked once, so a loop of folder links is one error, not one per turn.
/// </summary>
public sealed class SourceTree
{
    /// <summary>As the kernel's ELOOP: a chain of more links than this is a loop.</summary>
    private const int MaxLinks = 40;

    private static readonly SuggestedFix RemoveTheLink = new("删去这个链接", "remove the link");

    private static readonly StringComparison PathComparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    private readonly List<SourceFile> files = [];
    private readonly List<Diagnostic> refused = [];
    private readonly HashSet<string> walked = new(OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
    private readonly Queue<SourceFile> links = new();
    private readonly string realRoot;

    private SourceTree(string root)
    {
        Root = Path.GetFullPath(root);
        realRoot = RealPath(Root) ?? Root;
        if (Directory.Exists(Root))
        {
            // Folders as they are first, links after: a folder is read under its own name, and a link to a folder
            // already read is a loop or a second copy, refused either way.
            Walk(Root, realRoot, string.Empty);
            while (links.TryDequeue(out var link))
            {
                FollowLink(link.Path, link.Name);
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
    }

    /// <summary>The root as given, made absolute.</summary>
    public string Root { get; }

    /// <summary>Every regular file under the root, in ordinal order of <see cref="SourceFile.Name"/> (<c>/</c>-separated).</summary>
    public IReadOnlyList<SourceFile> Files => files;

    /// <summary>The links and special files left out, one diagnostic each.</summary>
    public IReadOnlyList<Diagnostic> Refused => refused;

    /// <summary>Walks <paramref name="root"/> (a missing folder has no files).</summary>
    public static SourceTree Read(string root) => new(root);

    /// <summary>The files directly in <paramref name="folder"/> (<c>""</c> for the root), or anywhere under it, whose name ends with one of <paramref name="endings"/> (case-insensitively).</summary>
    public IEnumerable<SourceFile> In(string folder, bool recursive, params string[] endings)
    {
        var prefix = folder.Length == 0 ? string.Empty : folder.TrimEnd('/') + "/";
        return files.Where(f => f.Name.StartsWith(prefix, StringComparison.Ordinal)
            && (recursive || !f.Name.AsSpan(prefix.Length).Contains('/'))
            && endings.Any(e => f.Name.EndsWith(e, StringComparison.OrdinalIgnoreCase)));
    }

    private void Walk(string path, string real, string name)
    {
        if (!walked.Add(real))
        {
            return;
        }

        List<string> entries;
        try
        {
            entries = [.. Directory.EnumerateFileSystemEntries(path).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            refused.Add(new Diagnostic(InputRules.UnreadableFile.Code, Severity.Error, SourceSpan.FileOnly(ContentLoader.DisplayPath(path)), $"无法读取文件夹：检查文件夹的读取权限{OriginalText.InChinese(e.Message)}", $"Cannot read the folder: {e.Message}"));
            return;
        }

        foreach (var entry in entries)
        {
            var entryName = name.Length == 0 ? Path.GetFileName(entry) : name + "/" + Path.GetFileName(entry);
            var kind = FileKinds.Of(entry, out var stamp);
            if (kind == FileKind.Link)
            {
                links.Enqueue(new SourceFile(entry, entryName));
            }
            else
            {
                Take(entry, entryName, kind, Path.Combine(real, Path.GetFileName(entry)), stamp);
            }
        }
    }

    private void FollowLink(string link, string name)
    {
        if (Follow(link) is not { } target)
        {
            return;
        }

        var kind = FileKinds.Of(target, out var stamp);
        if (kind == FileKind.Directory && walked.Contains(target))
        {
            Refuse(InputRules.LinkOutside.Code, link, "链接指向已读取的文件夹（循环链接或重复读取）", "The link leads to a folder already read (a loop, or the same files twice)", RemoveTheLink);
            return;
        }

        Take(link, name, kind, target, stamp);
    }

    private void Take(string path, string name, FileKind kind, string real, FileStamp? stamp = null)
    {
        switch (kind)
        {
            case FileKind.Directory:
                Walk(path, real, name);
                break;
            case FileKind.Regular:
                files.Add(new SourceFile(path, name, stamp));
                break;
            case FileKind.Special:
                Refuse(InputRules.SpecialFile.Code, path, "不是普通文件（命名管道、套接字或设备），未读取", "Not a regular file (a FIFO, socket or device); it was not read", new("删去它：只有普通文件才能发布", "remove it: only regular files can be published"));
                break;
            default:
                Refuse(InputRules.LinkOutside.Code, path, "链接指向不存在的文件", "The link leads to nothing", new("删去这个链接，或恢复它指向的文件", "remove the link or restore its target"));
                break;
        }
    }

    /// <summary>The real path a link leads to when it stays inside the root; null (and a refusal) otherwise.</summary>
    private string? Follow(string link)
    {
        var resolved = RealPath(link);
        if (resolved is null)
        {
            Refuse(InputRules.LinkOutside.Code, link, $"链接循环（超过 {MaxLinks} 层链接）", $"The link loops (more than {MaxLinks} links deep)", RemoveTheLink);
            return null;
        }

        if (!resolved.Equals(realRoot, PathComparison) && !resolved.StartsWith(realRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, PathComparison))
        {
            Refuse(InputRules.LinkOutside.Code, link, "链接指向所在文件夹之外，未读取", $"The link leads outside {ContentLoader.DisplayPath(Root)}; it was not read", new("把文件复制进来，不要用链接", "copy the file in instead of linking to it"));
            return null;
        }

        return resolved;
    }

    private void Refuse(string code, string path, string message, string messageEn, SuggestedFix fix) =>
        refused.Add(new Diagnostic(code, Severity.Error, SourceSpan.FileOnly(ContentLoader.DisplayPath(path)), message, messageEn, fix));

    /// <summary>
    /// The path with every link on it resolved, component by component (so <c>..</c> after a link means the
    /// link's target's parent, as the system reads it); null for more than <see cref="MaxLinks"/> links.
    /// </summary>
    private static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var pending = new Stack<string>(Parts(full[root.Length..]).Reverse());
        var current = root;
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? root;
                target = target[current.Length..];
            }

            foreach (var piece in Parts(target).Reverse())
            {
                pending.Push(piece);
            }
        }

        return current;
    }

    private static IEnumerable<string> Parts(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
