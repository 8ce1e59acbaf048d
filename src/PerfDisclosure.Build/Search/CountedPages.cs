using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using PerfDisclosure.Build.Caching;

namespace PerfDisclosure.Build.Search;

/// <summary>
/// What the last build's search index counted of each form page, kept in the cache folder (<see cref="FileName"/>)
/// so that a new build process tokenises only the pages that changed, as <see cref="SearchMemory"/> does within
/// <c>serve</c>: each page's counted terms by the hash of its bytes (<see cref="Publishing.SiteWriter.HashOf"/>) and
/// its heading, and each search document's hash and length by its number and what it was made of. Pages are read
/// from the file one at a time when asked for, so a large site's terms are never all held. The build writes the
/// file anew as it counts (<see cref="Keep(int, UInt128, string, bool, DocumentTerms)"/>) and puts it in place when
/// its index is written (<see cref="Save"/>). A file of another version of the tool, or one that cannot be read, is
/// ignored: every page is then counted, as without it.
/// </summary>
/// <remarks>
/// The file: a header (<see cref="Magic"/>, the tool's version); the pages, each its hash, heading, whether its
/// text was empty, its token count and its terms as (term number, weight) varints; the term table (the numbers are
/// places in it, and a build's table starts as the last one's, so a page's numbers stay valid); the documents; the
/// index of the pages; and a trailer of the sections' offsets.
/// </remarks>
public sealed class CountedPages : IDisposable
{
    /// <summary>The file in the cache folder.</summary>
    public const string FileName = "search.pages";

    // Terms a table may hold beyond twice those in use before it is started again (as SearchMemory's): a site's worth of edits.
    private const int Slack = 1 << 16;
    private const int TrailerSize = 8 * 4;
    private static readonly byte[] Magic = "PDSEARCH1"u8.ToArray();

    private readonly CacheFolder cache;
    private readonly string path;
    private Microsoft.Win32.SafeHandles.SafeFileHandle? last;
    private readonly Dictionary<UInt128, (long Offset, int Length)> pages = [];
    private readonly Dictionary<int, Document> documents = [];
    private readonly Dictionary<UInt128, (long Offset, int Length)> counted = [];
    private readonly Dictionary<int, Document> written = [];
    private FileStream? next;
    private SearchTerm[] loaded = [];
    private int recalled;

    /// <summary>One search document as the last build wrote it: of the page with this hash and fields of this digest; its hash and length.</summary>
    public readonly record struct Document(UInt128 Page, UInt128 Fields, UInt128 Hash, long Length);

    private CountedPages(CacheFolder cache)
    {
        this.cache = cache;
        path = cache.PathOf(FileName);
        Terms = new SearchTerms();
        try
        {
            if (File.Exists(path))
            {
                last = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
                if (!ReadLast(last))
                {
                    (Terms, last) = (new SearchTerms(), Close(last));
                    pages.Clear();
                    documents.Clear();
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException)
        {
            (Terms, last) = (new SearchTerms(), Close(last));
            pages.Clear();
            documents.Clear();
        }

        if (cache.Writable)
        {
            cache.Try(() =>
            {
                next = new FileStream(path + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                next.Write(Magic);
                WriteString(next, BuildFingerprints.ToolVersion);
            });
        }
    }

    /// <summary>The counts of the cache folder's last build, and a new file for this one's.</summary>
    public static CountedPages Open(CacheFolder cache) => new(cache);

    /// <summary>The term table the last build's pages are numbered in, for this build's index to use.</summary>
    public SearchTerms Terms { get; private set; }

    /// <summary>Pages of this build whose terms were read from the file rather than counted.</summary>
    public int Recalled => recalled;

    /// <summary>The last build's count of the page with this hash, when its heading is the same; null to count it.</summary>
    public (DocumentTerms Terms, bool Empty)? Recall(UInt128 page, string heading)
    {
        if (last is null || !pages.TryGetValue(page, out var at))
        {
            return null;
        }

        var bytes = new byte[at.Length];
        try
        {
            if (RandomAccess.Read(last, bytes, at.Offset) != bytes.Length)
            {
                return null;
            }

            var position = 16;
            if (BinaryPrimitives.ReadUInt128LittleEndian(bytes) != page || ReadString(bytes, ref position) != heading)
            {
                return null;
            }

            var empty = bytes[position++] != 0;
            var length = checked((int)Varint.Read(bytes, ref position));
            var count = checked((int)Varint.Read(bytes, ref position));
            var terms = new SearchTerm[count];
            var weights = new int[count];
            for (var k = 0; k < count; k++)
            {
                var id = checked((int)Varint.Read(bytes, ref position));
                weights[k] = checked((int)Varint.Read(bytes, ref position));
                if (id >= loaded.Length)
                {
                    return null;
                }

                terms[k] = loaded[id];
            }

            Interlocked.Increment(ref recalled);
            return (new DocumentTerms(length, terms, weights), empty);
        }
        catch (Exception e) when (e is IOException or IndexOutOfRangeException or OverflowException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Document <paramref name="id"/> as the last build wrote it from the page with this hash and these fields, or null.</summary>
    public Document? Recall(int id, UInt128 page, SearchIndexFiles.DocumentFields fields) =>
        documents.TryGetValue(id, out var document) && document.Page == page && document.Fields == Digest(fields) ? document : null;

    /// <summary>Records page <paramref name="page"/>'s count in the new file (once per page; any thread).</summary>
    public void Keep(int document, UInt128 page, string heading, bool empty, DocumentTerms terms)
    {
        if (next is null)
        {
            return;
        }

        using var record = new MemoryStream(64 + (terms.Terms.Length * 4));
        Span<byte> hash = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(hash, page);
        record.Write(hash);
        WriteString(record, heading);
        record.WriteByte(empty ? (byte)1 : (byte)0);
        Varint.Write(record, (ulong)terms.Length);
        Varint.Write(record, (ulong)terms.Terms.Length);
        for (var k = 0; k < terms.Terms.Length; k++)
        {
            Varint.Write(record, (ulong)terms.Terms[k].Id);
            Varint.Write(record, (ulong)terms.Weights[k]);
        }

        lock (counted)
        {
            if (next is null || counted.ContainsKey(page))
            {
                return;
            }

            var offset = next.Position;
            cache.Try(() => next.Write(record.GetBuffer(), 0, (int)record.Length));
            counted[page] = (offset, (int)record.Length);
        }
    }

    /// <summary>Records search document <paramref name="id"/> as this build wrote it.</summary>
    public void Keep(int id, UInt128 page, SearchIndexFiles.DocumentFields fields, UInt128 hash, long length)
    {
        lock (written)
        {
            written[id] = new Document(page, Digest(fields), hash, length);
        }
    }

    /// <summary>Once the index is written: the new file, with the term table as it is now, replaces the last one.</summary>
    public void Save()
    {
        if (next is null)
        {
            return;
        }

        var inUse = Terms.All.Count(t => t.Documents > 0);
        cache.Try(() =>
        {
            var stream = next;
            var termsAt = stream.Position;
            // A table that has grown past twice what is in use (edits leave terms no page has) is not kept: the next build starts one anew.
            IReadOnlyList<SearchTerm> table = Terms.Count > (2 * inUse) + Slack ? [] : Terms.All;
            var documentsWritten = table.Count == 0 ? [] : written.OrderBy(d => d.Key).ToList();
            var pagesCounted = table.Count == 0 ? [] : counted.OrderBy(p => p.Value.Offset).ToList();
            Varint.Write(stream, (ulong)table.Count);
            foreach (var term in table)
            {
                WriteString(stream, term.Text);
            }

            var documentsAt = stream.Position;
            Varint.Write(stream, (ulong)documentsWritten.Count);
            Span<byte> value = stackalloc byte[16];
            foreach (var (id, document) in documentsWritten)
            {
                Varint.Write(stream, (ulong)id);
                foreach (var part in (ReadOnlySpan<UInt128>)[document.Page, document.Fields, document.Hash])
                {
                    BinaryPrimitives.WriteUInt128LittleEndian(value, part);
                    stream.Write(value);
                }

                Varint.Write(stream, (ulong)document.Length);
            }

            var indexAt = stream.Position;
            Varint.Write(stream, (ulong)pagesCounted.Count);
            foreach (var (page, at) in pagesCounted)
            {
                BinaryPrimitives.WriteUInt128LittleEndian(value, page);
                stream.Write(value);
                Varint.Write(stream, (ulong)at.Offset);
                Varint.Write(stream, (ulong)at.Length);
            }

            Span<byte> trailer = stackalloc byte[TrailerSize];
            BinaryPrimitives.WriteInt64LittleEndian(trailer, termsAt);
            BinaryPrimitives.WriteInt64LittleEndian(trailer[8..], documentsAt);
            BinaryPrimitives.WriteInt64LittleEndian(trailer[16..], indexAt);
            Magic.AsSpan(0, 8).CopyTo(trailer[24..]);
            stream.Write(trailer);
            stream.Dispose();
            next = null;
            last = Close(last); // nothing is recalled from the replaced file after this
            File.Move(path + ".tmp", path, overwrite: true);
        });
    }

    public void Dispose()
    {
        var unsaved = next is not null;
        // Closing flushes what is buffered: a full disk fails here, and costs only the file, like any cache write.
        cache.Try(() => next?.Dispose());
        next = null;
        last = Close(last);
        if (unsaved)
        {
            cache.Try(() => File.Delete(path + ".tmp"));
        }
    }

    /// <summary>The digest of a document's fields: equal fields, equal digests.</summary>
    private static UInt128 Digest(SearchIndexFiles.DocumentFields fields)
    {
        var hash = new XxHash128();
        foreach (var part in (ReadOnlySpan<string>)[fields.Url, fields.Title, fields.Organisation, fields.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), fields.Kind, fields.Amount, fields.AmountUnit, fields.Grade])
        {
            hash.Append(Encoding.UTF8.GetBytes(part));
            hash.Append([0]);
        }

        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>Reads the last build's file: false when it is of another version or not whole.</summary>
    private bool ReadLast(Microsoft.Win32.SafeHandles.SafeFileHandle file)
    {
        var size = RandomAccess.GetLength(file);
        var header = new byte[Math.Min(size, 256)];
        RandomAccess.Read(file, header, 0);
        var position = Magic.Length;
        if (size < Magic.Length + TrailerSize || !header.AsSpan().StartsWith(Magic) || ReadString(header, ref position) != BuildFingerprints.ToolVersion)
        {
            return false;
        }

        var trailer = new byte[TrailerSize];
        RandomAccess.Read(file, trailer, size - TrailerSize);
        if (!trailer.AsSpan(24).SequenceEqual(Magic.AsSpan(0, 8)))
        {
            return false;
        }

        var termsAt = BinaryPrimitives.ReadInt64LittleEndian(trailer);
        if (termsAt < position || termsAt > size - TrailerSize)
        {
            return false;
        }

        var tail = new byte[size - TrailerSize - termsAt];
        RandomAccess.Read(file, tail, termsAt);
        var documentsAt = (int)(BinaryPrimitives.ReadInt64LittleEndian(trailer.AsSpan(8)) - termsAt);
        var indexAt = (int)(BinaryPrimitives.ReadInt64LittleEndian(trailer.AsSpan(16)) - termsAt);
        var at = 0;
        var termCount = checked((int)Varint.Read(tail, ref at));
        for (var id = 0; id < termCount; id++)
        {
            // In the file's order, into a new table: each term's number is its place, as the pages have it.
            if (Terms.Find(ReadString(tail, ref at)).Id != id)
            {
                return false;
            }
        }

        if (at != documentsAt)
        {
            return false;
        }

        var documentCount = checked((int)Varint.Read(tail, ref at));
        for (var d = 0; d < documentCount; d++)
        {
            var id = checked((int)Varint.Read(tail, ref at));
            var page = BinaryPrimitives.ReadUInt128LittleEndian(tail.AsSpan(at));
            var fields = BinaryPrimitives.ReadUInt128LittleEndian(tail.AsSpan(at + 16));
            var hash = BinaryPrimitives.ReadUInt128LittleEndian(tail.AsSpan(at + 32));
            at += 48;
            documents[id] = new Document(page, fields, hash, checked((long)Varint.Read(tail, ref at)));
        }

        if (at != indexAt)
        {
            return false;
        }

        var pageCount = checked((int)Varint.Read(tail, ref at));
        for (var p = 0; p < pageCount; p++)
        {
            var page = BinaryPrimitives.ReadUInt128LittleEndian(tail.AsSpan(at));
            at += 16;
            var offset = checked((long)Varint.Read(tail, ref at));
            var length = checked((int)Varint.Read(tail, ref at));
            if (offset < position || offset + length > termsAt)
            {
                return false;
            }

            pages[page] = (offset, length);
        }

        loaded = [.. Terms.All];
        return at == tail.Length;
    }

    private static Microsoft.Win32.SafeHandles.SafeFileHandle? Close(Microsoft.Win32.SafeHandles.SafeFileHandle? file)
    {
        file?.Dispose();
        return null;
    }

    private static void WriteString(Stream stream, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Varint.Write(stream, (ulong)bytes.Length);
        stream.Write(bytes);
    }

    private static string ReadString(ReadOnlySpan<byte> bytes, ref int position)
    {
        var length = checked((int)Varint.Read(bytes, ref position));
        var text = Encoding.UTF8.GetString(bytes.Slice(position, length));
        position += length;
        return text;
    }
}
