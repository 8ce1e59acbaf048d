namespace PerfDisclosure.Build.Search;

/// <summary>Every term of every document with the documents holding it, in document order.</summary>
public sealed class InvertedIndex
{
    private InvertedIndex(IReadOnlyDictionary<string, List<Posting>> terms, int documentCount)
    {
        Terms = terms;
        DocumentCount = documentCount;
    }

    public IReadOnlyDictionary<string, List<Posting>> Terms { get; }

    public int DocumentCount { get; }

    /// <summary>Documents tokenised at once: each holds a dictionary of its terms until merged, so the batch bounds memory.</summary>
    private const int BatchSize = 2048;

    public static InvertedIndex Build(IReadOnlyList<SearchDocument> documents)
    {
        // Tokenising is the costly part and runs in parallel within a batch; merging runs in document order, so
        // each posting list comes out sorted and the same content always gives the same index. Holding every
        // document's term dictionary until the end took more than 2 GB at 100k forms; a batch is merged and
        // dropped before the next, with the raw term frequency kept in the posting until the average length is known.
        var lengths = new int[documents.Count];
        var terms = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        var counted = new (Dictionary<string, int> Frequencies, HashSet<string> Heading)[Math.Min(BatchSize, documents.Count)];
        for (var first = 0; first < documents.Count; first += BatchSize)
        {
            var count = Math.Min(BatchSize, documents.Count - first);
            Parallel.For(0, count, j =>
            {
                var i = first + j;
                var tokens = SearchTokenizer.Tokens(documents[i].Text);
                var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var token in tokens)
                {
                    frequencies[token] = frequencies.GetValueOrDefault(token) + 1;
                }

                var heading = new HashSet<string>(SearchTokenizer.Tokens(documents[i].Heading), StringComparer.Ordinal);
                heading.IntersectWith(frequencies.Keys);
                counted[j] = (frequencies, heading);
                lengths[i] = tokens.Count;
            });

            for (var j = 0; j < count; j++)
            {
                var (frequencies, heading) = counted[j];
                foreach (var (term, frequency) in frequencies)
                {
                    if (!terms.TryGetValue(term, out var postings))
                    {
                        terms[term] = postings = [];
                    }

                    postings.Add(new Posting(first + j, frequency, heading.Contains(term)));
                }

                counted[j] = default;
            }
        }

        var average = documents.Count == 0 ? 1 : Math.Max(1, lengths.Average(l => (double)l));
        foreach (var postings in terms.Values)
        {
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(postings);
            for (var k = 0; k < span.Length; k++)
            {
                var position = span[k].Document;
                span[k] = new Posting(documents[position].Id, Posting.Quantise(span[k].Weight, lengths[position], average), span[k].InHeading);
            }
        }

        return new InvertedIndex(terms, documents.Count);
    }
}
