namespace PerfDisclosure.Build.Stages;

/// <summary>Copies the theme's assets/ (CSS, scripts, fonts) into the site.</summary>
public sealed class AssetsStage : IOutputStage
{
    public string Name => "assets";

    public void Run(BuildContext context)
    {
        foreach (var file in context.Theme.All.Where(f => f.Name.StartsWith("assets/", StringComparison.Ordinal)))
        {
            context.Writer.WriteBytes(file.Name, file.Read());
        }
    }
}
