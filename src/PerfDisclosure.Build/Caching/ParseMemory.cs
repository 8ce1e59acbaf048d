using System.Collections.Concurrent;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Forms;

namespace PerfDisclosure.Build.Caching;

/// <summary>
/// What the last load of a long-running process (<c>serve</c>) made of each form file, kept in memory so the next
/// load parses only the files that changed. A form is a pure function of its file's bytes, its display path and the
/// theme (its layouts), so an entry is reused while the file's size and modification time are the same (or, when
/// they differ, its bytes hash the same) and the theme is the one it was read with; a changed theme forgets every
/// entry. What loading that file reported is kept with it and reported again.
/// </summary>
public sealed class ParseMemory
{
    private readonly ConcurrentDictionary<string, Reading> forms = new(StringComparer.Ordinal);
    private string theme = string.Empty;
    private int parsed;
    private int reused;

    /// <summary>One form file as the last load read it.</summary>
    /// <param name="Form">Null when the file could not be read into a form (its diagnostics say why).</param>
    public sealed record Reading(long Length, DateTime Modified, string Hash, Form? Form, bool Draft, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>Whether no load has been remembered yet (the first build of a process).</summary>
    public bool IsEmpty => forms.IsEmpty;

    /// <summary>Files parsed in the last load.</summary>
    public int Parsed => parsed;

    /// <summary>Files taken from memory in the last load.</summary>
    public int Reused => reused;

    /// <summary>Starts a load with this theme: every entry is forgotten when the theme's files differ from the last load's.</summary>
    public void Begin(ThemeFiles files)
    {
        var now = BuildFingerprints.ThemeDigest(files);
        if (now != theme)
        {
            forms.Clear();
            theme = now;
        }

        parsed = 0;
        reused = 0;
    }

    /// <summary>The last load's reading of <paramref name="path"/> when its size and time are unchanged.</summary>
    public Reading? Unchanged(string path, FileInfo info)
    {
        if (forms.TryGetValue(path, out var last) && last.Length == info.Length && last.Modified == info.LastWriteTimeUtc)
        {
            Interlocked.Increment(ref reused);
            return last;
        }

        return null;
    }

    /// <summary>The last load's reading of <paramref name="path"/> when its bytes hash the same, whatever its time.</summary>
    public Reading? SameBytes(string path, string hash)
    {
        if (forms.TryGetValue(path, out var last) && last.Hash == hash)
        {
            Interlocked.Increment(ref reused);
            return last;
        }

        return null;
    }

    /// <summary>Records this load's reading of <paramref name="path"/>.</summary>
    public void Keep(string path, Reading reading, bool fresh)
    {
        forms[path] = reading;
        if (fresh)
        {
            Interlocked.Increment(ref parsed);
        }
    }

    /// <summary>Forgets the files this load did not see (deleted or moved).</summary>
    public void Retain(IReadOnlySet<string> paths)
    {
        foreach (var path in forms.Keys.Where(p => !paths.Contains(p)).ToList())
        {
            forms.TryRemove(path, out _);
        }
    }
}
