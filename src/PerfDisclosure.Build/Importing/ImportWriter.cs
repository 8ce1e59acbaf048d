using System.Globalization;
using System.Text;
using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Build.Importing;

/// <summary>
/// Writes the imported forms of every file of one run, all or nothing: each form goes to a new file
/// (<c>forms/&lt;owner&gt;/&lt;year&gt;/&lt;slug&gt;.yaml</c>, or <c>&lt;slug&gt;-2.yaml</c> … beside a file that
/// exists, which is never overwritten). Every file is written in full to a temporary name beside its place first;
/// only when all are written are they moved into place, each with a move that refuses to replace a file. When
/// anything fails, the files moved so far, the temporary files and the folders this run made are removed again.
/// </summary>
public static class ImportWriter
{
    /// <summary>The forms of each source that have an owner and a year; returns the files written, by source, in order.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Write(IReadOnlyList<(ImportResult Result, string Source)> imports, string contentDir)
    {
        var planned = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var files = new List<(string Path, string Text, int Source)>();
        for (var s = 0; s < imports.Count; s++)
        {
            var number = 0;
            foreach (var form in imports[s].Result.Forms)
            {
                number++;
                if (form.Owner is not { } owner || form.Year is not { } year)
                {
                    continue;
                }

                var code = (form.Layout.PathOf(FieldRole.ProjectCode) is { } codePath ? form.Values.GetValueOrDefault(codePath)?.Text : null);
                var slug = code is not null && Core.Identifiers.IdentifierRules.Check(code) is null ? code : $"form-{number}";
                var folder = Path.Combine(contentDir, "forms", owner, year.ToString(CultureInfo.InvariantCulture));
                var path = Path.Combine(folder, slug + ".yaml");
                for (var n = 2; File.Exists(path) || Directory.Exists(path) || !planned.Add(path); n++)
                {
                    path = Path.Combine(folder, $"{slug}-{n}.yaml");
                }

                files.Add((path, ImportedFormWriter.Text(form, imports[s].Source), s));
            }
        }

        Commit(files.Select(f => (f.Path, f.Text)).ToList());
        return [.. Enumerable.Range(0, imports.Count).Select(s => (IReadOnlyList<string>)[.. files.Where(f => f.Source == s).Select(f => f.Path)])];
    }

    private static void Commit(List<(string Path, string Text)> files)
    {
        var madeFolders = new List<string>();
        var temporary = new List<string>();
        var moved = new List<string>();
        try
        {
            foreach (var (path, text) in files)
            {
                MakeFolder(Path.GetDirectoryName(path)!, madeFolders);
                var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.import-{Guid.NewGuid():N}.tmp");
                temporary.Add(temp);
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                {
                    stream.Write(new UTF8Encoding(false).GetBytes(text));
                    stream.Flush(flushToDisk: true);
                }
            }

            for (var i = 0; i < files.Count; i++)
            {
                File.Move(temporary[i], files[i].Path, overwrite: false);
                moved.Add(files[i].Path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var file in moved.Concat(temporary))
            {
                TryDelete(() => File.Delete(file));
            }

            foreach (var folder in Enumerable.Reverse(madeFolders))
            {
                TryDelete(() => Directory.Delete(folder));
            }

            throw new IOException($"nothing was imported: {e.Message}", e);
        }
    }

    /// <summary>Creates the folder and any missing parents, remembering each one made (outermost first).</summary>
    private static void MakeFolder(string folder, List<string> made)
    {
        if (Directory.Exists(folder))
        {
            return;
        }

        MakeFolder(Path.GetDirectoryName(Path.GetFullPath(folder))!, made);
        Directory.CreateDirectory(folder);
        made.Add(folder);
    }

    private static void TryDelete(Action delete)
    {
        try
        {
            delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind: the error that stopped the import is the one to report.
        }
    }
}
