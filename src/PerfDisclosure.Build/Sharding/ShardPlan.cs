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

        /// <summary>Runs last: lists every file the stages before it wrote, with its size and SHA-256.</summary>
        public void Run(BuildContext context)
        {
            var written = context.Writer.Written.Order(StringComparer.Ordinal).ToArray();
            var files = new ShardManifest.Entry[written.Length];
            Parallel.For(0, written.Length, Parallelism.PerCore, i =>
            {
                var bytes = File.ReadAllBytes(context.Writer.Locate(written[i]));
                files[i] = new ShardManifest.Entry(written[i], bytes.Length, ShardInputs.Hex(bytes));
            });
            var inputs = ShardInputs.Of(context);
            var organisations = shard.Organisations(context.Site).Order(StringComparer.Ordinal).ToList();
            var manifest = new ShardManifest(ShardManifest.CurrentFormat, ShardManifest.ToolVersion, shard.Number, shard.Count, inputs.Hash, inputs, organisations, files);
            context.Writer.WriteBytes(ShardManifest.FileName, manifest.ToBytes());
        }
    }
}
