using System.Text.Json;
using PerfDisclosure.Build.OpenData;
using PerfDisclosure.Build.Sharding;

namespace PerfDisclosure.Build.Stages;

/// <summary>site/data/forms.json with every form, and each form's own form.json beside its page.</summary>
public sealed class FormsJsonStage : IShardedStage
{
    public string Name => "data";

    public void Run(BuildContext context)
    {
        RunGlobal(context);
        RunShard(context, context.Site.ByOrganisation.Keys.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>data/forms.json: every form.</summary>
    public void RunGlobal(BuildContext context)
    {
        var site = context.Site;
        using var stream = context.Writer.Create("data/forms.json");
        using var json = new Utf8JsonWriter(stream, FormJson.Options);
        json.WriteStartArray();
        foreach (var entry in site.Forms)
        {
            FormJson.Write(json, entry, site);

            // The writer holds its output until flushed: flushed as it goes, the file never sits whole in memory.
            if (json.BytesPending > 1 << 16)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
    }

    /// <summary>form.json beside the page of each form of these organisations.</summary>
    public void RunShard(BuildContext context, IReadOnlySet<string> organisations)
    {
        var site = context.Site;
        Parallel.ForEach(site.Forms.Where(f => organisations.Contains(f.Owner.Id)), Parallelism.PerCore, entry =>
        {
            using var stream = context.Writer.Create(entry.Path + "form.json");
            using var json = new Utf8JsonWriter(stream, FormJson.Options);
            FormJson.Write(json, entry, site);
        });
    }
}
