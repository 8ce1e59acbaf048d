using PerfDisclosure.Build.Authoring;

namespace PerfDisclosure.Build.Stages;

/// <summary>Publishes each layout's JSON Schema under site/schemas/, so editors can fetch it from the site.</summary>
public sealed class SchemasStage : IOutputStage
{
    public string Name => "schemas";

    public void Run(BuildContext context)
    {
        foreach (var layout in context.Site.Content.Layouts.Values.OrderBy(l => l.Id, StringComparer.Ordinal))
        {
            context.Writer.WriteBytes(LayoutSchema.Folder + LayoutSchema.FileName(layout.Id), LayoutSchema.Bytes(layout));
        }
    }
}
