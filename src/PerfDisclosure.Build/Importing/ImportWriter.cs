using System.Globalization;
using System.Text;
using PerfDisclosure.Build.Authoring;
using PerfDisclosure.Core.Validation.Rules.Import;

namespace PerfDisclosure.Build.Importing;

/// <summary>What becomes of one file import would write.</summary>
public enum ImportOutcome
{
    /// <summary>A new file.</summary>
    Added,

    /// <summary>A file an earlier import wrote for the same project, whose content changed.</summary>
    Updated,

    /// <summary>A file an earlier import wrote for the same project, with the same content: left as it is.</summary>
    Unchanged,
}

/// <summary>One file of the plan: a form (or an organisation made for it), its place, its text and what becomes of it.</summary>
public sealed record PlannedFile(string Path, string Text, ImportOutcome Outcome, ImportedForm? Form, int Source);

/// <summary>
/// Plans and writes the imported forms of every file of one run, all or nothing. A form goes to
/// <c>forms/&lt;owner&gt;/&lt;year&gt;/&lt;slug&gt;.yaml</c> (<see cref="ImportNames"/>); a form already in content/ for
/// the same organisation, year and project (code, else name) is that file: updated when an earlier import wrote it
/// (its first lines say so) and its content changed, left alone when unchanged, and refused (PD1012) when someone
/// else wrote it. Every file is written in full to a temporary name beside its place first; only when all are
/// written are they moved into place. When anything fails, the files moved so far are taken back (an updated file
/// gets its old bytes again), the temporary files and the folders this run made are removed.
/// </summary>
public static class ImportWriter
{
    /// <summary>The line import writes second in every form file: how a later import knows the file is its own.</summary>
    public const string Marker = "# imported from ";

    /// <summary>
    /// The files the complete forms of every source would become (<see cref="ImportedForm.IsComplete"/>), and the
    /// organisation files they need; a form that would overwrite a file import did not write gets a PD1012 problem
    /// and is left out.
    /// </summary>
    public static IReadOnlyList<PlannedFile> Plan(IReadOnlyList<(ImportResult Result, string Source)> imports, string contentDir, ImportSettings settings)
    {
        var existing = settings.ExistingForms
            .GroupBy(f => Key(f.Owner, f.Year, CodeOf(f, settings), f.ProjectName))
            .ToDictionary(g => g.Key, g => Path.GetFullPath(g.First().File));
        var planned = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var files = new List<PlannedFile>();
        var owners = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < imports.Count; s++)
        {
            foreach (var form in imports[s].Result.Forms.Where(f => f.IsComplete))
            {
                var text = ImportedFormWriter.Text(form, imports[s].Source);
                var key = Key(form.Owner!, form.Year!.Value, form.ProjectCode, form.ProjectName);
                if (existing.TryGetValue(key, out var path) && planned.Add(path))
                {
                    var old = File.ReadAllText(path);
                    if (!WrittenByImport(old))
                    {
                        form.Problems.Add(new UnplacedCell(form.File, form.Title.Row, form.Title.Column, form.ProjectName ?? form.Title.Text, ImportRules.NotImportsFile, $"同一项目的表单 {Loading.ContentLoader.DisplayPath(path)} 不是 import 写的，不覆盖；请直接修改它，或移走后再导入", $"the form {Loading.ContentLoader.DisplayPath(path)} of the same project was not written by import and is not overwritten; edit it, or move it away and import again"));
                        continue;
                    }

                    files.Add(new PlannedFile(path, text, Body(old) == Body(text) ? ImportOutcome.Unchanged : ImportOutcome.Updated, form, s));
                    owners.Add(form.Owner!);
                    continue;
                }

                var folder = Path.GetFullPath(Path.Combine(contentDir, "forms", form.Owner!, form.Year.Value.ToString(CultureInfo.InvariantCulture)));
                var slug = ImportNames.FormSlug(form.ProjectCode, form.ProjectName);
                path = Path.Combine(folder, slug + ".yaml");
                for (var n = 2; File.Exists(path) || Directory.Exists(path) || !planned.Add(path); n++)
                {
                    path = Path.Combine(folder, $"{slug}-{n}.yaml");
                }

                files.Add(new PlannedFile(path, text, ImportOutcome.Added, form, s));
                owners.Add(form.Owner!);
            }
        }

        foreach (var organisation in settings.NewOrganisations.Values.Where(o => owners.Contains(o.Id) || files.Any(f => f.Form!.Organisations.Values.Any(v => v.Id == o.Id))).OrderBy(o => o.Id, StringComparer.Ordinal))
        {
            var path = Path.GetFullPath(Path.Combine(contentDir, "organisations", organisation.Id + ".yaml"));
            if (!File.Exists(path) && planned.Add(path))
            {
                files.Add(new PlannedFile(path, OrganisationText(organisation), ImportOutcome.Added, null, -1));
            }
        }

        return files;
    }

    /// <summary>Writes the plan all or nothing; an unchanged file is not touched.</summary>
    public static void Commit(IReadOnlyList<PlannedFile> plan)
    {
        var files = plan.Where(f => f.Outcome != ImportOutcome.Unchanged).ToList();
        var madeFolders = new List<string>();
        var temporary = new List<string>();
        var moved = new List<(string Path, byte[]? Old)>();
        try
        {
            foreach (var file in files)
            {
                MakeFolder(Path.GetDirectoryName(file.Path)!, madeFolders);
                var temp = Path.Combine(Path.GetDirectoryName(file.Path)!, $".{Path.GetFileName(file.Path)}.import-{Guid.NewGuid():N}.tmp");
                temporary.Add(temp);
                using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write);
                stream.Write(new UTF8Encoding(false).GetBytes(file.Text));
                stream.Flush(flushToDisk: true);
            }

            for (var i = 0; i < files.Count; i++)
            {
                var old = files[i].Outcome == ImportOutcome.Updated ? File.ReadAllBytes(files[i].Path) : null;
                File.Move(temporary[i], files[i].Path, overwrite: old is not null);
                moved.Add((files[i].Path, old));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var (path, old) in moved)
            {
                TryDelete(() =>
                {
                    if (old is null)
                    {
                        File.Delete(path);
                    }
                    else
                    {
                        File.WriteAllBytes(path, old);
                    }
                });
            }

            foreach (var file in temporary)
            {
                TryDelete(() => File.Delete(file));
            }

            foreach (var folder in Enumerable.Reverse(madeFolders))
            {
                TryDelete(() => Directory.Delete(folder));
            }

            throw new Reporting.BilingualIOException($"未导入任何内容：{Reporting.SystemFailure.Chinese(e)}", $"nothing was imported: {e.Message}", e);
        }
    }

    /// <summary>Whether a form file was written by import: its second line is <see cref="Marker"/>.</summary>
    public static bool WrittenByImport(string text) => text.ReplaceLineEndings("\n").Split('\n').Take(3).Any(l => l.StartsWith(Marker, StringComparison.Ordinal));

    private static string OrganisationText(Core.Forms.Organisation organisation) =>
        "# 由 import 新建（created by import）：标识为生成的，请核对名称和地区；需要时改用更易读的标识，表单文件夹名一并改。\n"
        + "# Check the name and jurisdiction; rename the file (and content/forms/<id>/) for a more readable id.\n"
        + "name: " + YamlScalar.Quoted(organisation.Name) + "\n"
        + "jurisdiction: " + YamlScalar.Quoted(organisation.Jurisdiction) + "\n";

    /// <summary>A form file's text without the line naming its source: importing the same form from another file changes nothing.</summary>
    private static string Body(string text) => string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Where(l => !l.StartsWith(Marker, StringComparison.Ordinal)));

    private static string Key(string owner, int year, string? code, string? name) =>
        code is { Length: > 0 } ? $"{owner}\n{year}\ncode\n{code}" : $"{owner}\n{year}\nname\n{Labels.Normalise(name ?? string.Empty)}";

    private static string? CodeOf(Core.Forms.Form form, ImportSettings settings) =>
        settings.Layouts.TryGetValue(form.LayoutId, out var layout) && layout.PathOf(Core.Layouts.FieldRole.ProjectCode) is { } path ? form.Fields.TextAt(path) : null;

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
