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

    public static InvertedIndex Build(IReadOnlyList<SearchDocument> documents)
    {
        // Tokenising is the costly part and runs in parallel; merging runs in document order, so each
        // posting list comes out sorted and the same content always gives the same index.
        var counted = new (Dictionary<string, int> Frequencies, HashSet<string> Heading, int Length)[documents.Count];
        Parallel.For(0, documents.Count, i =>
        {
            var tokens = SearchTokenizer.Tokens(documents[i].Text);
            var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var token in tokens)
            {
                frequencies[token] = frequencies.GetValueOrDefault(token) + 1;
            }

            var heading = new HashSet<string>(SearchTokenizer.Tokens(documents[i].Heading), StringComparer.Ordinal);
            heading.IntersectWith(frequencies.Keys);
            counted[i] = (frequencies, heading, tokens.Count);
        });

        var average = documents.Count == 0 ? 1 : Math.Max(1, counted.Average(c => (double)c.Length));
        var terms = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            var (frequencies, heading, length) = counted[i];
            foreach (var (term, frequency) in frequencies)
            {
                if (!terms.TryGetValue(term, out var postings))
                {
                    terms[term] = postings = [];
                }

                postings.Add(new Posting(documents[i].Id, Posting.Quantise(frequency, length, average), heading.Contains(term)));
            }
        }

        return new InvertedIndex(terms, documents.Count);
    }
}
