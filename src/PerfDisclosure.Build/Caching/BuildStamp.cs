using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PerfDisclosure.Build.Pdf;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Caching;

/// <summary>
/// The record of the last successful build, in the cache folder: a hash of everything a build reads (the tool, the
/// options, the printer, every content and theme file), a hash of what it published (every file's path, size and
/// time under the output folder) and its diagnostics. A build whose inputs hash the same, over an output folder
/// still as that build left it, has nothing to do: it reports the same diagnostics and leaves the site alone.
/// Anything else (a changed byte anywhere, a file touched or deleted in the site) builds as usual. A content file
/// whose size, times and inode are as the last build recorded them is not read again (<see cref="ContentDigests"/>).
/// </summary>
public sealed class BuildStamp
{
    private const string FileName = "build-stamp.json";

    private readonly string file;
    private readonly string outputDir;

    private readonly Task<string>? listing;
    private readonly CancellationTokenSource stopListing;
    private Dictionary<string, string>? contentHashes;
    private bool describes;
    private Loading.LoadedContent? decided;

    private BuildStamp(string cacheDir, string inputs, string outputDir, Dictionary<string, string> contentHashes, Task<string>? listing, CancellationTokenSource stopListing)
    {
        file = Path.Combine(cacheDir, FileName);
        Inputs = inputs;
        this.outputDir = outputDir;
        this.contentHashes = contentHashes;
        this.listing = listing;
        this.stopListing = stopListing;
    }

    /// <summary>The hash of the build's inputs.</summary>
    public string Inputs { get; }

    /// <summary>The stamp for this build, or null when the build cannot be skipped (no cache folder, a shard or a merge, an unreadable input).</summary>
    public static BuildStamp? For(BuildOptions options, ThemeFiles theme)
    {
        if (options.CacheDir is null || options.Shard is not null || options.MergeFrom is not null)
        {
            return null;
        }

        // With a stamp to compare, the site is listed while the inputs are hashed, on the core the walk of content/
        // leaves free; a build whose inputs differ stops the listing.
        var outputDir = Path.GetFullPath(options.OutputDir);
        var stop = new CancellationTokenSource();
        var listing = File.Exists(Path.Combine(options.CacheDir, FileName)) ? Task.Run(() => OutputHash(outputDir, stop.Token)) : null;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            BuildFingerprints.Add(hash, "tool", string.Join(',', new[] { typeof(BuildStamp), typeof(Diagnostic) }.Select(t => t.Assembly.ManifestModule.ModuleVersionId)));
            // Every option, as the record prints its members: an option added later is part of the stamp without a list to keep.
            var absolute = options with { ContentDir = Path.GetFullPath(options.ContentDir), TemplatesDir = options.TemplatesDir is null ? null : Path.GetFullPath(options.TemplatesDir), OutputDir = Path.GetFullPath(options.OutputDir), CacheDir = Path.GetFullPath(options.CacheDir) };
            BuildFingerprints.Add(hash, "options", $"{absolute}|{Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH")}");
            var engine = options.NoPdf ? null : TypstEngine.Find(options.PdfEngineDir).Folder;
            BuildFingerprints.Add(hash, "printer", engine is null ? "none" : $"{engine}|{TypstEngine.Version(engine)}");
            foreach (var file in theme.All.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                BuildFingerprints.Add(hash, file.Name, file.Read());
            }

            var files = Loading.SourceTree.Read(options.ContentDir).Files; // what the loader may read, nothing else
            var hashes = ContentDigests.Of(files, options.CacheDir);
            for (var i = 0; i < files.Count; i++)
            {
                // With the file's day: a form that names no date is dated by its file (FormEntry.Published), so a
                // file saved again with the same bytes on another day changes its page.
                var modified = files[i].Stamp is { } stamp ? DateTime.UnixEpoch.AddTicks(stamp.Modified / 100) : File.GetLastWriteTimeUtc(files[i].Path);
                BuildFingerprints.Add(hash, Path.GetRelativePath(options.ContentDir, files[i].Path), $"{hashes[i]}|{DateOnly.FromDateTime(modified).DayNumber}");
            }

            var contentHashes = files.Select((file, i) => (Path.GetFullPath(file.Path), hashes[i])).ToDictionary(StringComparer.Ordinal);
            return new BuildStamp(options.CacheDir, Convert.ToHexStringLower(hash.GetHashAndReset()), outputDir, contentHashes, listing, stop);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is IOException or UnauthorizedAccessException))
        {
            stop.Cancel();
            return null; // the same, met while hashing the content files in parallel
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stop.Cancel();
            return null; // an input that cannot be read: the build goes on and reports it where it reads it
        }
    }

    /// <summary>
    /// Whether the forms were loaded from the bytes this stamp hashed: a form saved again between the stamp and the
    /// loader (an editor saving during <c>serve</c>) leaves the stamp unsaved, so the next build runs in full.
    /// </summary>
    public bool Describes(Loading.LoadedContent content) =>
        contentHashes is { } hashes ? Compare(hashes, content)
        : ReferenceEquals(content, decided) ? describes
        : throw new InvalidOperationException("the stamp let its hashes go when it was decided for other content");

    /// <summary>
    /// Decides <see cref="Describes"/> for the content the build loaded, as soon as it is loaded, and lets the table of
    /// hashes go: it is not held through the rest of the build (about 100,000 entries at 100k forms).
    /// </summary>
    public void Decide(Loading.LoadedContent content)
    {
        describes = Describes(content);
        decided = content;
        contentHashes = null;
    }

    private static bool Compare(Dictionary<string, string> hashes, Loading.LoadedContent content) =>
        content.FormHashes.All(form => hashes.GetValueOrDefault(Path.GetFullPath(form.Key)) == form.Value);

    /// <summary>The last build's result when it had these inputs and the output folder is as it left it; else null.</summary>
    public BuildResult? Unchanged()
    {
        try
        {
            // The inputs first, alone: when they differ nothing else is read. When they are the same, the site's
            // files are listed while the diagnostics are read.
            var bytes = File.ReadAllBytes(file);
            if (SavedInputs(bytes) != Inputs)
            {
                stopListing.Cancel();
                return null;
            }

            var output = listing ?? Task.Run(() => OutputHash(outputDir, CancellationToken.None));
            var saved = JsonSerializer.Deserialize(bytes, StampJson.Default.Saved);
            if (saved is null || saved.Inputs != Inputs || saved.Output != output.GetAwaiter().GetResult())
            {
                return null;
            }

            return new BuildResult(true, saved.Diagnostics, saved.Forms, saved.Files, []) { Unchanged = true };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException
            || (e is AggregateException all && all.InnerExceptions.All(i => i is IOException or UnauthorizedAccessException)))
        {
            return null; // no stamp yet, a damaged one, or a site changing while it is listed: build
        }
    }

    /// <summary>The inputs hash a stamp file names, read without the rest of it; null when it names none.</summary>
    private static string? SavedInputs(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(nameof(Saved.Inputs)))
            {
                return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return null;
    }

    /// <summary>Records a successful build, after its site was published; a cache folder that cannot take it only costs the next build its shortcut.</summary>
    public void Save(BuildResult result)
    {
        var saved = new Saved(Inputs, OutputHash(outputDir, CancellationToken.None), result.FormPages, result.FilesWritten, [.. result.Diagnostics]);
        var temporary = file + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            using (var stream = File.Create(temporary))
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                // Chinese as UTF-8, not \u escapes: a quarter fewer bytes for the next build to read, and no escapes to undo.
                JsonSerializer.Serialize(writer, saved, StampJson.Default.Saved);
            }

            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The site is published; without a stamp the next build just runs in full.
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// Every file under the folder with its size and last write time, hashed; "none" when there is no folder. The
    /// folder's own files and each of its folders (one per organisation, and a few more) are listed on whichever core
    /// is free, as asking each file's size and time is most of the cost.
    /// </summary>
    private static string OutputHash(string folder, CancellationToken stop)
    {
        if (!Directory.Exists(folder))
        {
            return "none";
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 };
        var parts = Directory.GetDirectories(folder, "*", new EnumerationOptions { AttributesToSkip = 0 }).Select(d => (d, true)).Prepend((folder, false)).ToArray();
        var listed = new List<(string Path, long Length, long Ticks)>[parts.Length];
        Parallel.For(0, parts.Length, Parallelism.Until(stop), i =>
        {
            var (part, recurse) = parts[i];
            listed[i] = [.. new System.IO.Enumeration.FileSystemEnumerable<(string, long, long)>(
                part,
                (ref entry) => (entry.ToFullPath(), entry.Length, entry.LastWriteTimeUtc.Ticks),
                recurse ? options : new EnumerationOptions { AttributesToSkip = 0 })
            {
                ShouldIncludePredicate = (ref entry) => !entry.IsDirectory,
            }];
        });

        var entries = listed.SelectMany(l => l).ToArray();
        Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Path, b.Path));
        var bytes = new System.Buffers.ArrayBufferWriter<byte>(entries.Length * 128);
        foreach (var (path, length, ticks) in entries)
        {
            // The path, a byte no path holds, then the two numbers: one listing, one byte sequence.
            Encoding.UTF8.GetBytes(path, bytes);
            var numbers = bytes.GetSpan(17);
            numbers[0] = 0;
            BitConverter.TryWriteBytes(numbers[1..], length);
            BitConverter.TryWriteBytes(numbers[9..], ticks);
            bytes.Advance(17);
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes.WrittenSpan));
    }

    /// <summary>The stamp file's content.</summary>
    internal sealed record Saved(string Inputs, string Output, int Forms, int Files, List<Diagnostic> Diagnostics);
}

/// <summary>
/// The stamp's JSON, its metadata made at compile time and each diagnostic a flat array (<see cref="StampDiagnostics"/>):
/// a build with nothing to do reads the last build's diagnostics (thousands in a large site) before anything else.
/// </summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(Converters = [typeof(StampDiagnostics)])]
[System.Text.Json.Serialization.JsonSerializable(typeof(BuildStamp.Saved))]
internal sealed partial class StampJson : System.Text.Json.Serialization.JsonSerializerContext;
