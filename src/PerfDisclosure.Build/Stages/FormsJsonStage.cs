using System.Text.Json;
using PerfDisclosure.Build.OpenData;

namespace PerfDisclosure.Build.Stages;

/// <summary>site/data/forms.json with every form, and each form's own form.json beside its page.</summary>
public sealed class FormsJsonStage : IOutputStage
{
    public string Name => "data";

    public void Run(BuildContext context)
    {
        var site = context.Site;
        using (var stream = context.Writer.Create("data/forms.json"))
        using (var json = new Utf8JsonWriter(stream, FormJson.Options))
        {
            json.WriteStartArray();
            foreach (var entry in site.Forms)
            {
                FormJson.Write(json, entry, site);
            }

            json.WriteEndArray();
        }

        Parallel.ForEach(site.Forms, entry =>
        {
            using var stream = context.Writer.Create(entry.Path + "form.json");
            using var json = new Utf8JsonWriter(stream, FormJson.Options);
            FormJson.Write(json, entry, site);
        });
    }
}
