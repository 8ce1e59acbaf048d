using PerfDisclosure.Build.Publishing;

namespace PerfDisclosure.Build.Stages;

/// <summary>
/// Copies the theme's assets/ (CSS, scripts, fonts) into the site. An asset the published site already holds with
/// the same bytes (the fonts, on every rebuild of <c>serve</c>) is not written again: the new site gets a hard link
/// to the published file, so its inode and modification time stay. Only a regular file of a folder the tool
/// published (its marker file) is linked; anything else is written afresh.
/// </summary>
public sealed class AssetsStage : IOutputStage
{
    public string Name => "assets";

    public void Run(BuildContext context)
    {
        var published = Path.GetFullPath(context.Options.OutputDir);
        var ours = File.Exists(Path.Combine(published, OutputFolder.MarkerName));
        foreach (var file in context.Theme.All.Where(f => f.Name.StartsWith("assets/", StringComparison.Ordinal)))
        {
            var bytes = file.Read();
            var previous = Path.Combine(published, file.Name);
            if (ours && Same(previous, bytes))
            {
                context.Writer.WriteLinked(file.Name, previous, bytes);
            }
            else
            {
                context.Writer.WriteBytes(file.Name, bytes);
            }
        }
    }

    /// <summary>Whether <paramref name="path"/> is a regular file (no link) holding exactly <paramref name="bytes"/>.</summary>
    private static bool Same(string path, byte[] bytes)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.LinkTarget is not null || info.Length != bytes.Length)
        {
            return false;
        }

        try
        {
            return File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // unreadable: write the asset afresh
        }
    }
}
