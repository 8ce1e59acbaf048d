using System.Buffers;
using System.Buffers.Binary;
using PerfDisclosure.Build.Publishing;

namespace PerfDisclosure.Build.Search;

/// <summary>
/// Every term of every document with the documents holding it, built as documents arrive (in any order, from any
/// thread) and written as the index's shard files at the end. Memory stays bounded at any size: each document's
/// postings go to one of <see cref="Buckets"/> spill files by the hash of their term (through a small buffer per thread), and the shards are
/// written one bucket at a time. Held for the whole build: the terms (once each) and each document's length. Given
/// the term table of a <see cref="SearchMemory"/>, which keeps every document's counted terms anyway, the index holds
/// those instead of spilling them, and inverts them in one pass when the shards are written.
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
    private readonly SearchTerms terms;
    private readonly DocumentTerms?[]? held;

    // Each thread's records not yet spilled, bucket by bucket.
    private readonly ThreadLocal<SpillBuffers> pending = new(() => new SpillBuffers(), trackAllValues: true);

    // One document's term frequencies, kept per thread between documents.
    [ThreadStatic]
    private static DocumentCounts? counting;

    /// <param name="documents">How many documents the index will hold, numbered from 0.</param>
    /// <param name="folder">A folder for the spill files, created here and deleted with the index.</param>
    /// <param name="kept">
    /// The term table of a <see cref="SearchMemory"/>, which keeps every document's counted terms between builds: the
    /// index then holds the documents' terms as they are given instead of spilling them (the memory holds them anyway).
    /// Null: a table of its own, and spill files.
    /// </param>
    public InvertedIndex(int documents, string folder, SearchTerms? kept = null)
        : this(documents, folder, kept ?? new SearchTerms(), hold: kept is not null)
    {
    }

    /// <summary>An index numbering its terms in <paramref name="table"/>; <paramref name="hold"/>: documents' terms held, not spilled.</summary>
    /// <param name="table">
    /// The term table to count in: a <see cref="SearchMemory"/>'s (held), or the one <see cref="CountedPages"/> read,
    /// whose pages' term numbers are places in it (spilled as usual).
    /// </param>
    public InvertedIndex(int documents, string folder, SearchTerms table, bool hold)
    {
        this.folder = folder;
        terms = table;
        terms.ResetCounts();
        held = hold ? new DocumentTerms[documents] : null;
        Directory.CreateDirectory(folder);
        lengths = new int[documents];
        if (held is not null)
        {
            return;
        }

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
    public void Add(int document, string text, string heading) => Add(document, Count(text, heading));

    /// <summary>
    /// The terms of a text with their frequencies, counted on spans of the text by term id: a string is made once per
    /// term of the whole table, not per document. Terms also in <paramref name="heading"/> are marked.
    /// </summary>
    public DocumentTerms Count(string text, string heading)
    {
        var (counts, present) = (counting ??= new(), new List<SearchTerm>());
        var length = 0;
        try
        {
            foreach (var token in SearchTokenizer.EnumerateTokens(text))
            {
                var term = terms.Find(token);
                if (counts.Add(term.Id) == 1)
                {
                    present.Add(term);
                }

                length++;
            }

            var headings = new HashSet<SearchTerm>();
            foreach (var token in SearchTokenizer.EnumerateTokens(heading))
            {
                if (terms.Lookup(token) is { } term)
                {
                    headings.Add(term);
                }
            }

            var weights = new int[present.Count];
            for (var k = 0; k < weights.Length; k++)
            {
                weights[k] = (counts[present[k].Id] << 1) | (headings.Contains(present[k]) ? 1 : 0);
            }

            return new DocumentTerms(length, [.. present], weights);
        }
        finally
        {
            counts.Clear(present);
        }
    }

    /// <summary>Adds a document by its counted terms (from <see cref="Count"/>, in this build or, kept by a memory, an earlier one).</summary>
    public void Add(int document, DocumentTerms counted)
    {
        lengths[document] = counted.Length;
        var present = counted.Terms;
        if (held is not null)
        {
            foreach (var term in present)
            {
                Interlocked.Increment(ref term.Documents);
            }

            held[document] = counted;
            return;
        }

        // Each record goes into this thread's buffer of its bucket, and a full buffer into the bucket's spill file:
        // a lock per few hundred documents, where a lock per bucket per document had the cores queue at them. The
        // order of a bucket's records does not matter: they are sorted when read.
        var buffers = pending.Value!;
        for (var k = 0; k < present.Length; k++)
        {
            Interlocked.Increment(ref present[k].Documents);
            var at = buffers.Next((int)(present[k].Hash % Buckets), this);
            BinaryPrimitives.WriteInt32LittleEndian(at, present[k].Id);
            BinaryPrimitives.WriteInt32LittleEndian(at[4..], document);
            BinaryPrimitives.WriteInt32LittleEndian(at[8..], counted.Weights[k] >> 1);
            at[12] = (byte)(counted.Weights[k] & 1);
        }
    }

    /// <summary>Puts a thread's buffered records of a bucket into its spill file.</summary>
    private void Spill(int bucket, ReadOnlySpan<byte> records)
    {
        var spill = spills[bucket];
        lock (spill)
        {
            spill.Write(records);
        }
    }

    /// <summary>Writes <c>search/shards/&lt;n&gt;.bin</c> for every shard and returns how many there are.</summary>
    public int WriteShards(SiteWriter writer)
    {
        // As many shards as give files of about 4 KB; postings carry the BM25 weight, normalised by the average length.
        // Only terms of this build's documents: a table kept between builds also holds terms no document has any more.
        var shardCount = ShardFile.CountFor(terms.All.Where(t => t.Documents > 0).Sum(t => (long)(t.Text.Length * 3) + 4 + (t.Documents * 5 / 4)));
        var average = lengths.Length == 0 ? 1 : Math.Max(1, lengths.Average(l => (double)l));
        var groups = Math.Min(shardCount, Buckets);
        foreach (var buffers in pending.Values)
        {
            buffers.Spill(this);
        }

        foreach (var spill in spills)
        {
            spill?.Flush();
        }

        var inverted = held is null ? null : Invert(groups, average);
        Parallel.For(0, groups, Parallelism.PerCore, group =>
        {
            var byShard = new Dictionary<uint, List<(string, IReadOnlyList<Posting>)>>();
            foreach (var (id, postings) in inverted?[group] ?? Read(group, groups, average))
            {
                var term = terms.All[id]; // no term is made while the shards are written
                var shard = term.Hash % (uint)shardCount;
                if (!byShard.TryGetValue(shard, out var list))
                {
                    byShard[shard] = list = [];
                }

                list.Add((term.Text, postings));
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
        pending.Dispose();
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
    private List<(int Term, IReadOnlyList<Posting> Postings)> Read(int group, int groups, double average)
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

            return Postings(keys.AsSpan(0, count), payloads.AsSpan(0, count), average);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<long>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(payloads);
        }
    }

    /// <summary>The postings of one group's records (sort key: term, then document; payload: frequency, in-heading flag), each term's in document order.</summary>
    private List<(int Term, IReadOnlyList<Posting> Postings)> Postings(Span<long> keys, Span<int> payloads, double average)
    {
        // Documents arrive in any order: sorting makes the same content give the same bytes.
        keys.Sort(payloads);
        var terms = new List<(int, IReadOnlyList<Posting>)>();
        for (var start = 0; start < keys.Length;)
        {
            var term = (int)(keys[start] >> 32);
            var end = start;
            while (end < keys.Length && (int)(keys[end] >> 32) == term)
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

    /// <summary>
    /// The held documents' postings, term by term, in the groups the spilled records would be read in. The documents
    /// are cut into one run of consecutive documents per core: each run counts its postings of each term, which gives
    /// every run its place in each term's array, then fills those places; so each term's postings are in document
    /// order, and nothing is sorted or grown, whatever the cores' timing.
    /// </summary>
    private List<(int Term, IReadOnlyList<Posting> Postings)>[] Invert(int groups, double average)
    {
        var all = terms.All;
        var documents = held!;
        var runs = Math.Max(1, Math.Min(Parallelism.PerCore.MaxDegreeOfParallelism, documents.Length / 1024));
        int Start(int run) => (int)((long)documents.Length * run / runs);
        var counts = new int[runs][];
        Parallel.For(0, runs, Parallelism.PerCore, run =>
        {
            var count = counts[run] = new int[all.Count];
            for (var d = Start(run); d < Start(run + 1); d++)
            {
                foreach (var term in documents[d]?.Terms ?? [])
                {
                    count[term.Id]++;
                }
            }
        });

        // Each run's counts become where its postings of each term begin; each term gets one array of all of them.
        var postings = new Posting[]?[all.Count];
        for (var id = 0; id < all.Count; id++)
        {
            var at = 0;
            for (var run = 0; run < runs; run++)
            {
                (counts[run][id], at) = (at, at + counts[run][id]);
            }

            postings[id] = at == 0 ? null : new Posting[at];
        }

        Parallel.For(0, runs, Parallelism.PerCore, run =>
        {
            var next = counts[run];
            for (var d = Start(run); d < Start(run + 1); d++)
            {
                if (documents[d] is not { } document)
                {
                    continue;
                }

                for (var k = 0; k < document.Terms.Length; k++)
                {
                    var id = document.Terms[k].Id;
                    postings[id]![next[id]++] = new Posting(d, Posting.Quantise(document.Weights[k] >> 1, lengths[d], average), (document.Weights[k] & 1) == 1);
                }
            }
        });

        var byGroup = Enumerable.Range(0, groups).Select(_ => new List<(int, IReadOnlyList<Posting>)>()).ToArray();
        for (var id = 0; id < postings.Length; id++)
        {
            if (postings[id] is { } list)
            {
                byGroup[(int)(all[id].Hash % Buckets % (uint)groups)].Add((id, list));
            }
        }

        return byGroup;
    }

    /// <summary>One thread's records of each bucket, spilled when a bucket's buffer is full and when the shards are written.</summary>
    private sealed class SpillBuffers
    {
        private const int Records = 256; // 3.3 KB a bucket, under a megabyte a thread

        private readonly byte[][] buffers = [.. Enumerable.Range(0, Buckets).Select(_ => new byte[Records * RecordSize])];
        private readonly int[] used = new int[Buckets];

        /// <summary>The place of the next record of <paramref name="bucket"/>, spilling the full buffer first.</summary>
        public Span<byte> Next(int bucket, InvertedIndex index)
        {
            if (used[bucket] == Records * RecordSize)
            {
                index.Spill(bucket, buffers[bucket]);
                used[bucket] = 0;
            }

            var at = buffers[bucket].AsSpan(used[bucket], RecordSize);
            used[bucket] += RecordSize;
            return at;
        }

        /// <summary>Spills what every bucket holds.</summary>
        public void Spill(InvertedIndex index)
        {
            for (var b = 0; b < Buckets; b++)
            {
                if (used[b] > 0)
                {
                    index.Spill(b, buffers[b].AsSpan(0, used[b]));
                    used[b] = 0;
                }
            }
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

        public void Clear(List<SearchTerm> terms)
        {
            foreach (var term in terms)
            {
                counts[term.Id] = 0;
            }
        }
    }
}
