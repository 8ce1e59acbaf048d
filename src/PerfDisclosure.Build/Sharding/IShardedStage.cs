using PerfDisclosure.Build.Stages;

namespace PerfDisclosure.Build.Sharding;

/// <summary>
/// An output stage whose work splits by organisation. <see cref="IOutputStage.Run"/> does both parts; a sharded
/// build runs only <see cref="RunShard"/> for its organisations, and <c>merge</c> only <see cref="RunGlobal"/>.
/// A stage that does not implement this is global: it runs once, in merge, over the full content.
/// </summary>
public interface IShardedStage : IOutputStage
{
    /// <summary>The outputs of these organisations' forms and listing pages (form pages, form.json …).</summary>
    void RunShard(BuildContext context, IReadOnlySet<string> organisations);

    /// <summary>The outputs that need every form (home, years, forms.json …).</summary>
    void RunGlobal(BuildContext context);
}
