using System.IO.Enumeration;
using System.Security.Cryptography;
using System.Text;
using PerfDisclosure.Build.Pdf;
using PerfDisclosure.Build.Publishing;
using PerfDisclosure.Build.Stages;

namespace PerfDisclosure.Build.Sharding;

/// <summary>
/// What a shard's output is made from: every content file, every theme file, and the options that change bytes
/// (the base URL, whether PDFs are printed and linked, SOURCE_DATE_EPOCH). Every shard of one build, and the merge,
/// compute the same; a shard whose inputs differ was built from other content and is refused.
/// </summary>
/// <param name="Content">SHA-256 of the content folder (each file's path and bytes; a link by its target).</param>
/// <param name="Templates">SHA-256 of the theme: the built-in files and the site's own overrides.</param>
/// <param name="Options">The output options in words, so a mismatch can be named.</param>
public sealed record ShardInputs(string Content, string Templates, string Options)
{
    /// <summary>One hash of the three: the content hash a shard's manifest records.</summary>
    public string Hash => Hex(Encoding.UTF8.GetBytes($"{Content}\n{Templates}\n{Options}"));

    public static ShardInputs Of(BuildContext context)
    {
        var options = context.Options;
        using var templates = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in context.Theme.All)
        {
            Add(templates, file.Name, file.Read());
        }

        var pdfs = PdfStage.WillPrint(options) ? "printed" : "not printed";
        var date = Environment.GetEnvironmentVariable(SourceDate.Variable) ?? "unset";
        return new ShardInputs(ContentHash(options.ContentDir), Convert.ToHexStringLower(templates.GetHashAndReset()), $"base_url {context.Site.Settings.BaseUrl}; PDFs {pdfs}; {SourceDate.Variable} {date}");
    }

    /// <summary>Which of the inputs differ from <paramref name="other"/>'s, in Chinese and English; null when they are the same.</summary>
    public (string Zh, string En)? Difference(ShardInputs other)
    {
        var parts = new List<(string Zh, string En)>();
        if (Content != other.Content)
        {
            parts.Add(("内容文件夹不同", "the content folder differs"));
        }

        if (Templates != other.Templates)
        {
            parts.Add(("模板不同", "the templates differ"));
        }

        if (Options != other.Options)
        {
            parts.Add(($"它的选项是“{Options}”，这次合并的是“{other.Options}”", $"its options were '{Options}', this merge's are '{other.Options}'"));
        }

        var (separatorZh, separator) = ("；", "; ");
        return parts.Count == 0 ? null : (string.Join(separatorZh, parts.Select(p => p.Zh)), string.Join(separator, parts.Select(p => p.En)));
    }

    /// <summary>
    /// The content folder's files in path order. Only a file with bytes is read: a FIFO, device or /proc file shows
    /// a size of 0 and would block or never end, and an empty file adds nothing either way. A symbolic link counts
    /// by its target's name (its target, when inside the folder, counts as itself).
    /// </summary>
    private static string ContentHash(string folder)
    {
        var root = Path.GetFullPath(folder);
        var entries = new FileSystemEnumerable<(string Path, long Size, bool Link)>(
            root,
            (ref entry) => (entry.ToFullPath(), entry.Length, entry.Attributes.HasFlag(FileAttributes.ReparsePoint)),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref entry) => !entry.IsDirectory || entry.Attributes.HasFlag(FileAttributes.ReparsePoint),
            ShouldRecursePredicate = (ref entry) => !entry.Attributes.HasFlag(FileAttributes.ReparsePoint),
        };
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, size, link) in entries.OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(root, path).Replace('\\', '/');
            Add(hash, name, link ? Encoding.UTF8.GetBytes("link:" + new FileInfo(path).LinkTarget) : size > 0 ? File.ReadAllBytes(path) : []);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Add(IncrementalHash hash, string name, byte[] bytes)
    {
        // Lengths first, so no two sequences of names and bytes hash alike.
        hash.AppendData(BitConverter.GetBytes(Encoding.UTF8.GetByteCount(name)));
        hash.AppendData(Encoding.UTF8.GetBytes(name));
        hash.AppendData(BitConverter.GetBytes((long)bytes.Length));
        hash.AppendData(bytes);
    }

    internal static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
