using PerfDisclosure.Build.Stages;

namespace PerfDisclosure.Build.Sharding;

/// <summary>
/// Which stages a build runs, and which part of each: everything (an ordinary build); the per-organisation parts
/// for one shard (<c>build --shard K/N</c>); or the shards' outputs copied in, then the global parts (<c>merge</c>).
/// </summary>
public static class ShardPlan
{
    public static IEnumerable<IOutputStage> Stages(IReadOnlyList<IOutputStage> stages, BuildOptions options)
    {
        if (options.Shard is { } shard)
        {
            return [.. stages.OfType<IShardedStage>().Select(s => new ShardPart(s, shard)), new ManifestStage(shard)];
        }

        if (options.MergeFrom is { } folders)
        {
            return [new CopyShardsStage(folders), .. stages.Select(s => s is IShardedStage sharded ? new GlobalPart(sharded) : s)];
        }

        return stages;
    }

    private sealed class ShardPart(IShardedStage stage, ShardSpec shard) : IOutputStage
    {
        public string Name => stage.Name;

        public void Run(BuildContext context) => stage.RunShard(context, shard.Organisations(context.Site));
    }

    private sealed class GlobalPart(IShardedStage stage) : IOutputStage
    {
        public string Name => stage.Name;

        public void Run(BuildContext context) => stage.RunGlobal(context);
    }

    private sealed class ManifestStage(ShardSpec shard) : IOutputStage
    {
        public string Name => "shard";

        public void Run(BuildContext context) =>
            context.Writer.WriteBytes(ShardManifest.FileName, new ShardManifest(shard.Number, shard.Count, [.. shard.Organisations(context.Site).Order(StringComparer.Ordinal)]).ToBytes());
    }
}
