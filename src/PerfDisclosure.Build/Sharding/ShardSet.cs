using PerfDisclosure.Build.Stages;

namespace PerfDisclosure.Build.Sharding;

/// <summary>
/// The shard folders given to <c>merge</c>, read and checked before anything is copied: each folder once, shards
/// 1..N of one split once each, built by this tool from the inputs this merge has, with file lists that stay inside
/// the site and never name one file twice. The first problem is a <see cref="ShardMergeException"/> naming the
/// shard (or shards) and what is wrong.
/// </summary>
public static class ShardSet
{
    /// <summary>One shard folder and its manifest; <see cref="ToString"/> names it in messages.</summary>
    public sealed record Member(string Folder, ShardManifest Manifest)
    {
        public override string ToString() => $"{Folder} (shard {Manifest.Shard}/{Manifest.Of})";

        /// <summary>How a Chinese message names it.</summary>
        public string NameZh => $"{Folder}（分片 {Manifest.Shard}/{Manifest.Of}）";
    }

    public static IReadOnlyList<Member> Read(IReadOnlyList<string> folders, BuildContext context)
    {
        if (folders.Count == 0)
        {
            throw new ShardMergeException("merge：没有给出分片文件夹", "merge: no shard folders given");
        }

        if (folders.GroupBy(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f)), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ShardMergeException($"merge：{twice.First()} 给了两次；每个分片文件夹只给一次", $"merge: {twice.First()} is given twice; give each shard folder once");
        }

        var shards = folders.Select(f => new Member(f, ShardManifest.Read(f))).ToList();
        CheckBuiltHere(shards, ShardInputs.Of(context));
        CheckSplit(shards);
        CheckOrganisations(shards, context);
        CheckFileLists(shards);
        return shards;
    }

    /// <summary>Every shard built by this tool, from this merge's content, templates and options.</summary>
    private static void CheckBuiltHere(List<Member> shards, ShardInputs here)
    {
        foreach (var shard in shards)
        {
            var manifest = shard.Manifest;
            if (manifest.Tool != ShardManifest.ToolVersion)
            {
                var (theirs, ours) = (manifest.Tool[..Math.Min(12, manifest.Tool.Length)], ShardManifest.ToolVersion[..12]);
                throw new ShardMergeException(
                    $"{shard.NameZh}：由另一个版本的 perfdisclosure 构建（{theirs}，这个版本是 {ours}）；请用同一个版本构建各分片并合并",
                    $"{shard}: built by another build of perfdisclosure ({theirs}, this one is {ours}); build the shards and merge with one version");
            }

            if (manifest.ContentHash != manifest.Inputs.Hash)
            {
                throw new ShardMergeException(
                    $"{shard.NameZh}：它的 {ShardManifest.FileName} 被修改过（内容哈希与其中列出的输入不符）；请重新构建这个分片",
                    $"{shard}: its {ShardManifest.FileName} was edited (its content hash does not match the inputs it lists); build this shard again");
            }

            if (manifest.Inputs.Difference(here) is { } difference)
            {
                throw new ShardMergeException(
                    $"{shard.NameZh}：构建它的输入与这次合并的不同（{difference.Zh}）；请用相同的内容、模板和选项构建所有分片并合并",
                    $"{shard}: built from other inputs than this merge's ({difference.En}); build every shard and the merge from the same content, templates and options");
            }
        }
    }

    /// <summary>Each shard's organisations are the ones this content's split gives its number.</summary>
    private static void CheckOrganisations(List<Member> shards, BuildContext context)
    {
        foreach (var shard in shards)
        {
            var expected = new ShardSpec(shard.Manifest.Shard, shard.Manifest.Of).Organisations(context.Site).Order(StringComparer.Ordinal);
            if (!expected.SequenceEqual(shard.Manifest.Organisations, StringComparer.Ordinal))
            {
                throw new ShardMergeException(
                    $"{shard.NameZh}：其中的单位不是这份内容分成 {shard.Manifest.Of} 份时它应有的单位；请重新构建各分片",
                    $"{shard}: its organisations are not this content's split into {shard.Manifest.Of}; build the shards again");
            }
        }
    }

    /// <summary>Shards 1..N of one N, each once.</summary>
    private static void CheckSplit(List<Member> shards)
    {
        var count = shards[0].Manifest.Of;
        if (shards.FirstOrDefault(s => s.Manifest.Of < 1 || s.Manifest.Shard < 1 || s.Manifest.Shard > s.Manifest.Of) is { } impossible)
        {
            throw new ShardMergeException($"{impossible.NameZh}：不是任何一次拆分的分片（K/N 需要 1 ≤ K ≤ N）；请重新构建这个分片", $"{impossible}: no shard of a split (K/N needs 1 ≤ K ≤ N); build this shard again");
        }

        if (shards.FirstOrDefault(s => s.Manifest.Of != count) is { } other)
        {
            throw new ShardMergeException(
                $"merge：{shards[0].NameZh} 和 {other.NameZh} 属于不同的拆分；请给出同一次 build --shard K/N 的各分片",
                $"merge: {shards[0]} and {other} are shards of different splits; give the shards of one 'build --shard K/N' run");
        }

        if (shards.GroupBy(s => s.Manifest.Shard).FirstOrDefault(g => g.Count() > 1) is { } doubled)
        {
            throw new ShardMergeException($"merge：{string.Join("、", doubled.Select(s => s.NameZh))} 是同一个分片；每个分片只给一次", $"merge: {string.Join(" and ", doubled)} are the same shard; give each shard once");
        }

        var missing = Enumerable.Range(1, count).Except(shards.Select(s => s.Manifest.Shard)).ToList();
        if (missing.Count > 0)
        {
            var absent = string.Join(", ", missing.Select(k => $"{k}/{count}"));
            throw new ShardMergeException(
                $"merge 需要分片 1..{count} 各一个；缺少 {absent}；收到的是 {string.Join("、", shards.Select(s => s.NameZh))}",
                $"merge needs shards 1..{count} once each; {absent} missing; got {string.Join(", ", shards)}");
        }
    }

    /// <summary>Every listed path a plain path inside the site, and no path in two shards (or twice in one).</summary>
    private static void CheckFileLists(List<Member> shards)
    {
        var owners = new Dictionary<string, Member>(StringComparer.OrdinalIgnoreCase);
        foreach (var shard in shards)
        {
            foreach (var entry in shard.Manifest.Files)
            {
                var path = entry.Path;
                if (path.Length == 0 || path.Contains('\\', StringComparison.Ordinal) || path.Split('/').Any(s => s is "" or "." or "..") || path.Any(char.IsControl) || path == ShardManifest.FileName)
                {
                    throw new ShardMergeException(
                        $"{shard.NameZh}：它的 {ShardManifest.FileName} 列出了“{path}”，这不是构建会写的文件；请重新构建这个分片",
                        $"{shard}: its {ShardManifest.FileName} lists '{path}', which is no file a build writes; build this shard again");
                }

                if (owners.TryGetValue(path, out var first))
                {
                    throw first == shard
                        ? new ShardMergeException($"{shard.NameZh}：它的 {ShardManifest.FileName} 把 {path} 列了两次；请重新构建这个分片", $"{shard}: its {ShardManifest.FileName} lists {path} twice; build this shard again")
                        : new ShardMergeException(
                            $"merge：{first.NameZh} 和 {shard.NameZh} 都有 {path}；同一次拆分的两个分片从不写同一个文件，所以它们不是同一次拆分的分片",
                            $"merge: {first} and {shard} both hold {path}; two shards never write one file, so they are not shards of one split");
                }

                owners[path] = shard;
            }
        }
    }
}
