using System.Text.Json;
using PerfDisclosure.Build.Caching;
using PerfDisclosure.Build.OpenData;
using PerfDisclosure.Build.Sharding;

namespace PerfDisclosure.Build.Stages;

/// <summary>
/// Each form's own form.json beside its page. With the render cache a form.json is keyed by what its form is made
/// of (<see cref="FormJson.Inputs"/>), so a one-form change serialises one form, not every form; data/forms.json is
/// joined from these files by <see cref="SiteFormsJsonStage"/>.
/// </summary>
public sealed class FormsJsonStage : IShardedStage
{
    public string Name => "data";

    public void Run(BuildContext context)
    {
        var site = context.Site;
        var keys = context.Cache.Keeps ? new FormPageInputs.Keys(site, Pdf.PdfStage.WillPrint(context.Options)) : null;
        Parallel.For(0, site.Forms.Count, Parallelism.PerCore, i =>
        {
            var entry = site.Forms[i];
            if (keys is not null && FormJson.Inputs(keys, entry) is { } inputs)
            {
                context.Cache.Write(context.Writer, entry.Path + "form.json", inputs, () => Serialise(entry, site));
            }
            else
            {
                Write(context, entry);
            }
        });
    }

    /// <summary>Nothing: data/forms.json, which needs every form, is <see cref="SiteFormsJsonStage"/>'s.</summary>
    public void RunGlobal(BuildContext context)
    {
    }

    /// <summary>form.json beside the page of each form of these organisations.</summary>
    public void RunShard(BuildContext context, IReadOnlySet<string> organisations)
    {
        var site = context.Site;
        Parallel.ForEach(site.Forms.Where(f => organisations.Contains(f.Owner.Id)), Parallelism.PerCore, entry => Write(context, entry));
    }

    private static void Write(BuildContext context, Site.FormEntry entry) =>
        context.Writer.WriteBytes(entry.Path + "form.json", Serialise(entry, context.Site));

    private static byte[] Serialise(Site.FormEntry entry, Site.SiteModel site)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, FormJson.Options))
        {
            FormJson.Write(json, entry, site);
        }

        return buffer.ToArray();
    }
}
