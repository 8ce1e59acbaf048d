using System.Text.Json;
using PerfDisclosure.Build.Caching;
using PerfDisclosure.Build.OpenData;
using PerfDisclosure.Build.Sharding;

namespace PerfDisclosure.Build.Stages;

/// <summary>
/// site/data/forms.json with every form, and each form's own form.json beside its page. With the render cache a
/// form.json is keyed by what its form is made of (<see cref="FormJson.Inputs"/>) and data/forms.json is joined from the form.json bytes, so a one-form change serialises
/// one form, not every form.
/// </summary>
public sealed class FormsJsonStage : IShardedStage
{
    private static readonly byte[] Indent = "\n  "u8.ToArray();

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

        // An element of the array is the form's own JSON indented one level: JSON strings hold no raw line breaks,
        // so every line break of a form.json is one of the writer's, followed by its indentation. Each is read back
        // from the staging folder as it is joined, so no more than one form's JSON is held at a time.
        using var stream = context.Writer.Create("data/forms.json");
        if (site.Forms.Count == 0)
        {
            stream.Write("[]"u8);
            return;
        }

        stream.Write("["u8);
        for (var i = 0; i < site.Forms.Count; i++)
        {
            if (i > 0)
            {
                stream.Write(","u8);
            }

            stream.Write(Indent);
            var piece = File.ReadAllBytes(context.Writer.Locate(site.Forms[i].Path + "form.json")).AsSpan();
            for (int at; (at = piece.IndexOf((byte)'\n')) >= 0; piece = piece[(at + 1)..])
            {
                stream.Write(piece[..at]);
                stream.Write(Indent);
            }

            stream.Write(piece);
        }

        stream.Write("\n]"u8);
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
