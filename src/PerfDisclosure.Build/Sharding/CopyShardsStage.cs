using PerfDisclosure.Build.Stages;

namespace PerfDisclosure.Build.Sharding;

/// <summary>
/// The first stage of <c>merge</c>: checks the shard folders are shards 1..N of one split of this content, and
/// copies their files into the staging folder, so the global stages after it (search, sitemap, PDFs) see every page.
/// </summary>
public sealed class CopyShardsStage(IReadOnlyList<string> folders) : IOutputStage
{
    public string Name => "copy shards";

    public void Run(BuildContext context)
    {
        var manifests = folders.Select(f => (Folder: f, Manifest: ShardManifest.Read(f))).ToList();
        var count = manifests.Count == 0 ? throw new ShardMergeException("merge: no shard folders given") : manifests[0].Manifest.Of;
        var numbers = manifests.Select(m => m.Manifest.Shard).Order().ToList();
        if (manifests.Any(m => m.Manifest.Of != count) || !numbers.SequenceEqual(Enumerable.Range(1, count)))
        {
            throw new ShardMergeException($"merge needs shards 1..{count} once each; got {string.Join(", ", manifests.Select(m => $"{m.Manifest.Shard}/{m.Manifest.Of} ({m.Folder})"))}");
        }

        foreach (var (folder, manifest) in manifests)
        {
            var expected = new ShardSpec(manifest.Shard, count).Organisations(context.Site).Order(StringComparer.Ordinal);
            if (!expected.SequenceEqual(manifest.Organisations, StringComparer.Ordinal))
            {
                throw new ShardMergeException($"{folder}: shard {manifest.Shard}/{count} was built from other content (its organisations differ from this content's split); rebuild the shards from the same content");
            }
        }

        Parallel.ForEach(manifests.SelectMany(m => Directory.EnumerateFiles(m.Folder, "*", SearchOption.AllDirectories).Select(f => (m.Folder, File: f))), item =>
        {
            var relative = Path.GetRelativePath(item.Folder, item.File).Replace('\\', '/');
            if (relative != ShardManifest.FileName)
            {
                // Resolve registers the path, so a file two shards both wrote is an error, not a silent overwrite.
                var target = context.Writer.Resolve(relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(item.File, target);
            }
        });

        var written = context.Writer.Written.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = context.Site.Forms.FirstOrDefault(f => !written.Contains(f.Path + "index.html"));
        if (missing is not null)
        {
            throw new ShardMergeException($"no shard holds the page of {missing.Form.File} ({missing.Path}index.html); rebuild the shards from the same content");
        }
    }
}
