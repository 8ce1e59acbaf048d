using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using PerfDisclosure.Build.Publishing;

namespace PerfDisclosure.Build.Search;

/// <summary>
/// Every term of every document with the documents holding it, built as documents arrive (in any order, from any
/// thread) and written as the index's shard files at the end. Memory stays bounded at any size: each document's
/// postings go straight to one of <see cref="Buckets"/> spill files by the hash of their term, and the shards are
/// written one bucket at a time. Held for the whole build: the terms (once each) and each document's length.
/// </summary>
public sealed class InvertedIndex : IDisposable
{
    /// <summary>Spill files: the shard count is a power of two, so a shard's terms all lie in one bucket (or one shard in several).</summary>
    private const int Buckets = 256;

    // A spilled posting: term id, document, term frequency, in-heading flag.
    private const int RecordSize = 4 + 4 + 4 + 1;

    private readonly string folder;
    private readonly FileStream[] spills = new FileStream[Buckets];
    private readonly int[] lengths;
    // Terms, read without a lock (a term is made once, then only looked up): those of one character (most of a
    // Chinese text's) by the character, of two (its bigrams) by the pair, longer words by their text; and by id.
    private readonly Term?[] singles = new Term?[char.MaxValue + 1];
    private readonly ConcurrentDictionary<int, Term> pairs = new();
    private readonly ConcurrentDictionary<string, Term> words = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Term>.AlternateLookup<ReadOnlySpan<char>> wordLookup;
    private readonly List<Term> terms = [];

    // One document's term frequencies, kept per thread between documents.
    [ThreadStatic]
    private static DocumentCounts? counting;

    /// <param name="documents">How many documents the index will hold, numbered from 0.</param>
    /// <param name="folder">A folder for the spill files, created here and deleted with the index.</param>
    public InvertedIndex(int documents, string folder)
    {
        this.folder = folder;
        wordLookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        Directory.CreateDirectory(folder);
        lengths = new int[documents];
        try
        {
            for (var b = 0; b < Buckets; b++)
            {
                spills[b] = new FileStream(Path.Combine(folder, $"{b}.bin"), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 14);
            }
        }
        catch
        {
            Dispose(); // the files made so far, and the folder
            throw;
        }
    }

    /// <summary>Adds a document's text; terms also in <paramref name="heading"/> (project and organisation name) rank higher.</summary>
    public void Add(int document, string text, string heading)
    {
        // Counted on spans of the text by term id: a string is made once per term of the whole index, not per document.
        var (counts, present) = (counting ??= new(), new List<Term>());
        var length = 0;
        (int Bucket, int Term, int Frequency, bool InHeading)[] records;
        try
        {
            foreach (var token in SearchTokenizer.EnumerateTokens(text))
            {
                var term = Find(token);
                if (counts.Add(term.Id) == 1)
                {
                    present.Add(term);
                }

                length++;
            }

            var headings = new HashSet<Term>();
            foreach (var token in SearchTokenizer.EnumerateTokens(heading))
            {
                if (Lookup(token) is { } term)
                {
                    headings.Add(term);
                }
            }

            lengths[document] = length;
            records = new (int Bucket, int Term, int Frequency, bool InHeading)[present.Count];
            var k = 0;
            foreach (var term in present)
            {
                Interlocked.Increment(ref term.Documents);
                records[k++] = ((int)(term.Hash % Buckets), term.Id, counts[term.Id], headings.Contains(term));
            }
        }
        finally
        {
            counts.Clear(present);
        }

        // Records laid out bucket by bucket (a counting sort: 256 buckets, one pass to count, one to place).
        Span<int> starts = stackalloc int[Buckets + 1];
        foreach (var record in records)
        {
            starts[record.Bucket + 1]++;
        }

        for (var b = 0; b < Buckets; b++)
        {
            starts[b + 1] += starts[b];
        }

        Span<int> next = stackalloc int[Buckets];
        starts[..Buckets].CopyTo(next);
        var bytes = new byte[records.Length * RecordSize];
        foreach (var (bucket, term, frequency, inHeading) in records)
        {
            var at = bytes.AsSpan(next[bucket]++ * RecordSize, RecordSize);
            BinaryPrimitives.WriteInt32LittleEndian(at, term);
            BinaryPrimitives.WriteInt32LittleEndian(at[4..], document);
            BinaryPrimitives.WriteInt32LittleEndian(at[8..], frequency);
            at[12] = inHeading ? (byte)1 : (byte)0;
        }

        for (var b = 0; b < Buckets; b++)
        {
            if (starts[b + 1] > starts[b])
            {
                var spill = spills[b];
                lock (spill)
                {
                    spill.Write(bytes, starts[b] * RecordSize, (starts[b + 1] - starts[b]) * RecordSize);
                }
            }
        }
    }

    /// <summary>The term of this text: found without a lock, made under one the first time.</summary>
    private Term Find(ReadOnlySpan<char> token)
    {
        if (Lookup(token) is { } term)
        {
            return term;
        }

        lock (terms)
        {
            if (Lookup(token) is { } made)
            {
                return made;
            }

            var text = token.ToString();
            term = new Term(text, terms.Count, SearchTokenizer.Hash(text));
            terms.Add(term);
            switch (token.Length)
            {
                case 1:
                    Volatile.Write(ref singles[token[0]], term);
                    break;
                case 2:
                    pairs[Pair(token)] = term;
                    break;
                default:
                    words[text] = term;
                    break;
            }

            return term;
        }
    }

    private Term? Lookup(ReadOnlySpan<char> token) => token.Length switch
    {
        1 => Volatile.Read(ref singles[token[0]]),
        2 => pairs.GetValueOrDefault(Pair(token)),
        _ => wordLookup.TryGetValue(token, out var word) ? word : null,
    };

    private static int Pair(ReadOnlySpan<char> token) => (token[0] << 16) | token[1];

    /// <summary>Writes <c>search/shards/&lt;n&gt;.bin</c> for every shard and returns how many there are.</summary>
    public int WriteShards(SiteWriter writer)
    {
        // As many shards as give files of about 4 KB; postings carry the BM25 weight, normalised by the average length.
        var shardCount = ShardFile.CountFor(terms.Sum(t => (long)(t.Text.Length * 3) + 4 + (t.Documents * 5 / 4)));
        var average = lengths.Length == 0 ? 1 : Math.Max(1, lengths.Average(l => (double)l));
        var groups = Math.Min(shardCount, Buckets);
        foreach (var spill in spills)
        {
            spill.Flush();
        }

        Parallel.For(0, groups, Parallelism.PerCore, group =>
        {
            var byShard = new Dictionary<uint, List<(string, IReadOnlyList<Posting>)>>();
            foreach (var (id, postings) in Read(group, groups, average))
            {
                var shard = terms[id].Hash % (uint)shardCount;
                if (!byShard.TryGetValue(shard, out var list))
                {
                    byShard[shard] = list = [];
                }

                list.Add((terms[id].Text, postings));
            }

            for (var shard = group; shard < shardCount; shard += groups)
            {
                writer.WriteBytes($"search/shards/{shard}.bin", ShardFile.Write(byShard.GetValueOrDefault((uint)shard) ?? []));
            }
        });
        return shardCount;
    }

    /// <summary>Closes and deletes the spill files; what they held is not needed any more, so a failing flush (a full disk) is ignored.</summary>
    public void Dispose()
    {
        foreach (var spill in spills)
        {
            try
            {
                spill?.Dispose();
            }
            catch (IOException)
            {
                // The handle is closed even when the last flush fails; the data was only ever temporary.
            }
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The postings of the terms in the buckets of one group, each term's in document order.</summary>
    private IEnumerable<(int Term, List<Posting> Postings)> Read(int group, int groups, double average)
    {
        // One group's records at a time, in arrays lent by the shared pool: a build writes hundreds of groups of
        // megabytes each, which as new arrays would pile up on the large-object heap between full collections.
        var count = 0;
        for (var bucket = group; bucket < Buckets; bucket += groups)
        {
            count += (int)(spills[bucket].Length / RecordSize);
        }

        // A record as two numbers: its sort key (term, then document) and its payload (frequency, in-heading flag),
        // so the sort compares plain longs.
        var keys = ArrayPool<long>.Shared.Rent(count);
        var payloads = ArrayPool<int>.Shared.Rent(count);
        const int Chunk = RecordSize * 4096;
        var buffer = ArrayPool<byte>.Shared.Rent(Chunk);
        try
        {
            var n = 0;
            for (var bucket = group; bucket < Buckets; bucket += groups)
            {
                var spill = spills[bucket];
                spill.Position = 0;
                for (int read; (read = spill.ReadAtLeast(buffer.AsSpan(0, Chunk), Chunk, throwOnEndOfStream: false)) > 0;)
                {
                    for (var at = 0; at < read; at += RecordSize)
                    {
                        var record = buffer.AsSpan(at, RecordSize);
                        keys[n] = ((long)BinaryPrimitives.ReadInt32LittleEndian(record) << 32) | (uint)BinaryPrimitives.ReadInt32LittleEndian(record[4..]);
                        payloads[n++] = (BinaryPrimitives.ReadInt32LittleEndian(record[8..]) << 1) | record[12];
                    }
                }
            }

            // Documents arrive in any order: sorting makes the same content give the same bytes.
            keys.AsSpan(0, count).Sort(payloads.AsSpan(0, count));
            var terms = new List<(int, List<Posting>)>();
            for (var start = 0; start < count;)
            {
                var term = (int)(keys[start] >> 32);
                var end = start;
                while (end < count && (int)(keys[end] >> 32) == term)
                {
                    end++;
                }

                var postings = new List<Posting>(end - start);
                for (var k = start; k < end; k++)
                {
                    var document = (int)keys[k];
                    postings.Add(new Posting(document, Posting.Quantise(payloads[k] >> 1, lengths[document], average), (payloads[k] & 1) == 1));
                }

                terms.Add((term, postings));
                start = end;
            }

            return terms;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<long>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(payloads);
        }
    }

    /// <summary>Counts by term id for one document at a time; cleared after each, so only its terms' slots are touched.</summary>
    private sealed class DocumentCounts
    {
        private int[] counts = new int[1 << 12];

        public int this[int id] => counts[id];

        /// <summary>Counts one more of the term; returns its count so far.</summary>
        public int Add(int id)
        {
            if (id >= counts.Length)
            {
                Array.Resize(ref counts, Math.Max(id + 1, counts.Length * 2));
            }

            return ++counts[id];
        }

        public void Clear(List<Term> terms)
        {
            foreach (var term in terms)
            {
                counts[term.Id] = 0;
            }
        }
    }

    private sealed class Term(string text, int id, uint hash)
    {
        public string Text { get; } = text;

        public int Id { get; } = id;

        public uint Hash { get; } = hash;

        /// <summary>How many documents hold the term (counted from any thread).</summary>
        public int Documents;
    }
}
