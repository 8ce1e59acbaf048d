using System.Collections.Concurrent;

namespace PerfDisclosure.Build.Search;

/// <summary>
/// The terms an index has met, each made once and then only looked up, from any thread without a lock: those of one
/// character (most of a Chinese text's) by the character, of two (its bigrams) by the pair, longer words by their
/// text. One build's index owns a table of its own, or shares the one a <see cref="SearchMemory"/> keeps between
/// builds, so that the terms of a page it remembers are still the same objects.
/// </summary>
public sealed class SearchTerms
{
    private readonly SearchTerm?[] singles = new SearchTerm?[char.MaxValue + 1];
    private readonly ConcurrentDictionary<int, SearchTerm> pairs = new();
    private readonly ConcurrentDictionary<string, SearchTerm> words = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SearchTerm>.AlternateLookup<ReadOnlySpan<char>> wordLookup;
    private readonly List<SearchTerm> all = [];

    public SearchTerms() => wordLookup = words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How many terms the table holds.</summary>
    public int Count
    {
        get
        {
            lock (all)
            {
                return all.Count;
            }
        }
    }

    /// <summary>The term with this id (ids count from 0 in the order terms were made).</summary>
    public SearchTerm this[int id]
    {
        get
        {
            lock (all)
            {
                return all[id];
            }
        }
    }

    /// <summary>Every term, once no document is being added.</summary>
    public IReadOnlyList<SearchTerm> All => all;

    /// <summary>The term of this text: found without a lock, made under one the first time.</summary>
    public SearchTerm Find(ReadOnlySpan<char> token)
    {
        if (Lookup(token) is { } term)
        {
            return term;
        }

        lock (all)
        {
            if (Lookup(token) is { } made)
            {
                return made;
            }

            var text = token.ToString();
            term = new SearchTerm(text, all.Count, SearchTokenizer.Hash(text));
            all.Add(term);
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

    /// <summary>The term of this text if the table has it.</summary>
    public SearchTerm? Lookup(ReadOnlySpan<char> token) => token.Length switch
    {
        1 => Volatile.Read(ref singles[token[0]]),
        2 => pairs.GetValueOrDefault(Pair(token)),
        _ => wordLookup.TryGetValue(token, out var word) ? word : null,
    };

    /// <summary>Starts counting the documents of a new build: every term's count back to 0.</summary>
    public void ResetCounts()
    {
        foreach (var term in all)
        {
            term.Documents = 0;
        }
    }

    private static int Pair(ReadOnlySpan<char> token) => (token[0] << 16) | token[1];
}

/// <summary>One term of the index.</summary>
public sealed class SearchTerm(string text, int id, uint hash)
{
    public string Text { get; } = text;

    public int Id { get; } = id;

    public uint Hash { get; } = hash;

    /// <summary>How many documents of the build being made hold the term (counted from any thread).</summary>
    public int Documents;
}
