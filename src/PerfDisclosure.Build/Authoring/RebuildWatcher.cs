namespace PerfDisclosure.Build.Authoring;

/// <summary>
/// Watches folders and calls back once a burst of changes has settled (an editor saves a file in several writes),
/// so one save is one rebuild. A watched folder may be removed and made again (<c>rm -rf content; cp -r backup
/// content</c>, a branch switch): a file system watcher on a removed folder goes silent for good, so each folder's
/// parent is watched for the folder's name, and a poll every <see cref="PollInterval"/> catches what that misses
/// (the parent itself replaced). Either re-arms the folder's watcher and rebuilds.
/// </summary>
public sealed class RebuildWatcher : IDisposable
{
    /// <summary>How long a burst of changes must be quiet before the rebuild.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(150);

    /// <summary>How often each folder's existence is checked, as a backstop for missed events.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly List<WatchedFolder> folders;
    private readonly Timer settle;
    private readonly Timer poll;

    public RebuildWatcher(IEnumerable<string?> folders, Action rebuild, TextWriter log)
    {
        settle = new Timer(_ => rebuild(), null, Timeout.Infinite, Timeout.Infinite);
        this.folders = [.. folders.OfType<string>().Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Select(f => new WatchedFolder(f, Touched, log))];
        poll = new Timer(_ => Poll(), null, PollInterval, PollInterval);
    }

    public void Dispose()
    {
        poll.Dispose();
        folders.ForEach(f => f.Dispose());
        settle.Dispose();
    }

    private void Touched()
    {
        try
        {
            settle.Change(Settle, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // An event still in flight while serve stops.
        }
    }

    private void Poll()
    {
        foreach (var folder in folders)
        {
            folder.Check();
        }
    }

    /// <summary>One watched folder: a recursive watcher on it while it exists, and a watcher on its parent for its name.</summary>
    private sealed class WatchedFolder : IDisposable
    {
        private readonly string path;
        private readonly Action touched;
        private readonly TextWriter log;
        private readonly object gate = new();
        private FileSystemWatcher? tree;
        private FileSystemWatcher? parent;
        private (bool Folder, bool Parent) armedFor;
        private bool disposed;

        public WatchedFolder(string path, Action touched, TextWriter log)
        {
            (this.path, this.touched, this.log) = (path, touched, log);
            lock (gate)
            {
                Arm();
            }
        }

        /// <summary>Re-arms when the folder or its parent appeared or vanished since they were last armed.</summary>
        public void Check()
        {
            lock (gate)
            {
                if (!disposed && Existence() != armedFor)
                {
                    Rearm();
                }
            }
        }

        public void Dispose()
        {
            lock (gate)
            {
                disposed = true;
                tree?.Dispose();
                parent?.Dispose();
                (tree, parent) = (null, null);
            }
        }

        /// <summary>Watches again from what is on disk now, then rebuilds. Runs on timer and watcher threads, where an exception would end the process: it never throws.</summary>
        private void Rearm()
        {
            try
            {
                lock (gate)
                {
                    if (disposed)
                    {
                        return;
                    }

                    tree?.Dispose();
                    parent?.Dispose();
                    Arm();
                }

                // After arming: a change from here on raises an event, and one made before is in this rebuild.
                touched();
            }
            catch (Exception e)
            {
                log.WriteLine($"watch: {path}: {e.Message}; trying again in {PollInterval.TotalSeconds:0} s");
                armedFor = default; // the next poll tries again
            }
        }

        private (bool Folder, bool Parent) Existence() => (Directory.Exists(path), Directory.Exists(Path.GetDirectoryName(path)));

        private void Arm()
        {
            armedFor = Existence();
            tree = armedFor.Folder ? Start(path, "*", true, NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size) : null;
            if (tree is not null)
            {
                tree.Changed += (_, _) => touched();
                tree.Created += (_, _) => touched();
                tree.Deleted += (_, _) => touched();
                tree.Renamed += (_, _) => touched();
                tree.Error += (_, e) => Lost(e.GetException());
            }

            var above = Path.GetDirectoryName(path);
            parent = above is not null && armedFor.Parent ? Start(above, Path.GetFileName(path), false, NotifyFilters.DirectoryName) : null;
            if (parent is not null)
            {
                parent.Created += (_, _) => Rearm();
                parent.Deleted += (_, _) => Rearm();
                parent.Renamed += (_, _) => Rearm();
                parent.Error += (_, e) => Lost(e.GetException());
            }
        }

        private void Lost(Exception e)
        {
            // An overflowing event queue, or a watched folder gone: start again from what is on disk.
            log.WriteLine($"watch: {path}: {e.Message}; watching it again");
            Rearm();
        }

        private FileSystemWatcher? Start(string folder, string filter, bool recursive, NotifyFilters notify)
        {
            FileSystemWatcher? watcher = null;
            try
            {
                watcher = new FileSystemWatcher(folder, filter) { IncludeSubdirectories = recursive, NotifyFilter = notify };
                watcher.EnableRaisingEvents = true;
                return watcher;
            }
            catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
            {
                // The folder went between the check and the watch, or the system's watch limit is reached.
                log.WriteLine($"watch: cannot watch {folder}: {e.Message}");
                watcher?.Dispose();
                return null;
            }
        }
    }
}
