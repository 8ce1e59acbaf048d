using System.Text;

namespace PerfDisclosure.Build.Search;

/// <summary>
/// One shard of the index, <c>search/shards/&lt;n&gt;.bin</c>: the terms whose hash falls in it, in ordinal order,
/// each as <c>[length][UTF-8 term][document count][byte count][postings]</c>, all integers LEB128. The browser
/// fetches only the shards of its query's terms.
/// </summary>
public static class ShardFile
{
    public static byte[] Write(IEnumerable<(string Term, IReadOnlyList<Posting> Postings)> terms)
    {
        using var shard = new MemoryStream();
        using var postings = new MemoryStream();
        foreach (var (term, list) in terms.OrderBy(t => t.Term, StringComparer.Ordinal))
        {
            var bytes = Encoding.UTF8.GetBytes(term);
            Varint.Write(shard, (ulong)bytes.Length);
            shard.Write(bytes);
            Varint.Write(shard, (ulong)list.Count);
            postings.SetLength(0);
            var previous = -1;
            foreach (var posting in list)
            {
                Varint.Write(postings, posting.Encode(previous));
                previous = posting.Document;
            }

            Varint.Write(shard, (ulong)postings.Length);
            postings.WriteTo(shard);
        }

        return shard.ToArray();
    }

    public static Dictionary<string, List<Posting>> Read(ReadOnlySpan<byte> bytes)
    {
        var terms = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        var position = 0;
        while (position < bytes.Length)
        {
            var length = (int)Varint.Read(bytes, ref position);
            var term = Encoding.UTF8.GetString(bytes.Slice(position, length));
            position += length;
            var count = (int)Varint.Read(bytes, ref position);
            Varint.Read(bytes, ref position);
            var list = new List<Posting>(count);
            var previous = -1;
            for (var i = 0; i < count; i++)
            {
                var posting = Posting.Decode(Varint.Read(bytes, ref position), previous);
                list.Add(posting);
                previous = posting.Document;
            }

            terms[term] = list;
        }

        return terms;
    }

    /// <summary>How many shards: a power of two giving shards of about <paramref name="targetBytes"/> each.</summary>
    public static int CountFor(long totalBytes, int targetBytes = 4096)
    {
        var count = 1;
        while ((long)count * targetBytes < totalBytes && count < 1 << 16)
        {
            count <<= 1;
        }

        return count;
    }
}
