using System.Collections.Concurrent;
using System.IO.Enumeration;
using PerfDisclosure.Build.Stages;

namespace PerfDisclosure.Build.Sharding;

/// <summary>
/// The first stage of <c>merge</c>: checks the shard folders are shards 1..N of one build of this content
/// (<see cref="ShardSet"/>), checks each holds exactly the files its manifest lists with the bytes it lists, and
/// copies them into the staging folder, so the global stages after it (search, sitemap, PDFs) see every page.
/// </summary>
public sealed class CopyShardsStage(IReadOnlyList<string> folders) : IOutputStage
{
    public string Name => "copy shards";

    public void Run(BuildContext context)
    {
        var shards = ShardSet.Read(folders, context);
        Throw(shards.SelectMany(Unlisted));
        var changed = new ConcurrentBag<(string Zh, string En)>();
        Parallel.ForEach(shards.SelectMany(s => s.Manifest.Files.Select(f => (Shard: s, File: f))), Parallelism.PerCore, item =>
        {
            var (shard, file) = item;
            var source = Path.Combine(shard.Folder, file.Path);
            // The size first: a file of another size is not read, and one of size 0 (which a FIFO shows) never is.
            var size = new FileInfo(source).Length;
            var bytes = size == file.Size && size > 0 ? File.ReadAllBytes(source) : [];
            if (size != file.Size || bytes.Length != size || ShardInputs.Hex(bytes) != file.Sha256)
            {
                changed.Add((
                    $"{shard.NameZh}：{file.Path} 在构建后被改动过（{size:N0} 字节；清单中是 {file.Size:N0} 字节和另一个 SHA-256）",
                    $"{shard}: {file.Path} was changed after its build ({size:N0} bytes; its manifest lists {file.Size:N0} bytes and another SHA-256)"));
                return;
            }

            context.Writer.WriteBytes(file.Path, bytes);
        });
        Throw(changed);

        var written = context.Writer.Written.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = context.Site.Forms.FirstOrDefault(f => !written.Contains(f.Path + "index.html"));
        if (missing is not null)
        {
            throw new ShardMergeException(
                $"没有分片包含 {missing.Form.File} 的页面（{missing.Path}index.html）；请用同一份内容重新构建各分片",
                $"no shard holds the page of {missing.Form.File} ({missing.Path}index.html); rebuild the shards from the same content");
        }
    }

    /// <summary>What a shard folder holds that its manifest does not say, or lacks that it does.</summary>
    private static IEnumerable<(string Zh, string En)> Unlisted(ShardSet.Member shard)
    {
        var (files, links) = FilesIn(shard.Folder);
        var listed = shard.Manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        return [
            .. links.Select(l => ($"{shard.NameZh}：{l} 是符号链接，构建从不写符号链接", $"{shard}: {l} is a symbolic link, which a build never writes")),
            .. listed.Except(files).Select(p => ($"{shard.NameZh}：缺少 {p}（清单中列有它）；请复制整个分片文件夹", $"{shard}: {p} is missing (its manifest lists it); copy the whole shard folder")),
            .. files.Except(listed).Where(p => p is not ShardManifest.FileName and not Publishing.OutputFolder.MarkerName).Select(p => ($"{shard.NameZh}：{p} 不是它的构建写的文件（清单中没有它）", $"{shard}: {p} is not a file its build wrote (it is not in its manifest)")),
        ];
    }

    /// <summary>The first problem in path order, as one line, with how many more there are.</summary>
    private static void Throw(IEnumerable<(string Zh, string En)> problems)
    {
        var all = problems.OrderBy(p => p.En, StringComparer.Ordinal).ToList();
        if (all.Count > 0)
        {
            throw all.Count == 1
                ? new ShardMergeException(all[0].Zh, all[0].En)
                : new ShardMergeException($"{all[0].Zh}（另有 {all.Count - 1} 个类似的问题）", $"{all[0].En} (and {all.Count - 1} more problem(s) like it)");
        }
    }

    /// <summary>The folder's files as site-relative paths, and its symbolic links (not followed, file or folder).</summary>
    private static (HashSet<string> Files, List<string> Links) FilesIn(string folder)
    {
        var root = Path.GetFullPath(folder);
        var files = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<string>();
        var entries = new FileSystemEnumerable<(string Path, bool Link, bool Folder)>(
            root,
            (ref entry) => (entry.ToFullPath(), entry.Attributes.HasFlag(FileAttributes.ReparsePoint), entry.IsDirectory),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldRecursePredicate = (ref entry) => !entry.Attributes.HasFlag(FileAttributes.ReparsePoint),
        };
        foreach (var (path, link, isFolder) in entries)
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (link)
            {
                links.Add(relative);
            }
            else if (!isFolder)
            {
                files.Add(relative);
            }
        }

        return (files, links);
    }
}
