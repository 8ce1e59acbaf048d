namespace PerfDisclosure.Build.Authoring;

/// <summary>
/// Watches folders and calls back once a burst of changes has settled (an editor saves a file in several writes),
/// so one save is one rebuild.
/// </summary>
public sealed class RebuildWatcher : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(150);
    private readonly List<FileSystemWatcher> watchers = [];
    private readonly Timer timer;

    public RebuildWatcher(IEnumerable<string?> folders, Action rebuild, TextWriter log)
    {
        timer = new Timer(_ => rebuild(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var folder in folders.OfType<string>().Where(Directory.Exists).Distinct())
        {
            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            watcher.Changed += Touched;
            watcher.Created += Touched;
            watcher.Deleted += Touched;
            watcher.Renamed += Touched;
            watcher.Error += (_, e) => log.WriteLine($"watch: {e.GetException().Message}");
            watcher.EnableRaisingEvents = true;
            watchers.Add(watcher);
        }
    }

    public void Dispose()
    {
        watchers.ForEach(w => w.Dispose());
        timer.Dispose();
    }

    private void Touched(object sender, FileSystemEventArgs e) => timer.Change(Settle, Timeout.InfiniteTimeSpan);
}
