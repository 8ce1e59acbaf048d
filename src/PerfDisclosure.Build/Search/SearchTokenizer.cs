using System.Text;

namespace PerfDisclosure.Build.Search;

/// <summary>
/// The one tokenization used at build time and in the browser (templates/assets/search.js mirrors it line for
/// line; a test runs both on the same strings). Text is folded (full-width to half-width, ASCII lowercased)
/// without changing its length, then split into runs: a run of CJK characters gives each character and each
/// pair of neighbours (bigrams), a run of ASCII letters and digits gives one word. Bigrams need no dictionary,
/// so a phrase found as a substring of a form always has all its bigrams in that form's terms.
/// </summary>
public static class SearchTokenizer
{
    /// <summary>One character folded: full-width ASCII to half-width, the ideographic space to a space, A–Z to a–z.</summary>
    public static char Fold(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }
        else if (c == '\u3000')
        {
            return ' ';
        }

        return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
    }

    /// <summary>The text folded character by character; the result has the same length, so offsets carry over.</summary>
    public static string Fold(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = Fold(source[i]);
        }
    });

    /// <summary>CJK unified ideographs (basic block, extension A, compatibility) and 〇.</summary>
    public static bool IsCjk(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF') or '\u3007';

    public static bool IsWord(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    /// <summary>The runs of a folded text: CJK runs and ASCII word runs; everything else separates them.</summary>
    public static List<string> Runs(string text)
    {
        var folded = Fold(text);
        var runs = new List<string>();
        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            var kind = IsCjk(c) ? 1 : IsWord(c) ? 2 : 0;
            var start = i++;
            if (kind == 0)
            {
                continue;
            }

            while (i < folded.Length && (kind == 1 ? IsCjk(folded[i]) : IsWord(folded[i])))
            {
                i++;
            }

            runs.Add(folded[start..i]);
        }

        return runs;
    }

    /// <summary>Every term of a text in order: per CJK run each character then each bigram, per word run the word.</summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        foreach (var token in EnumerateTokens(text))
        {
            tokens.Add(token.ToString());
        }

        return tokens;
    }

    /// <summary>The terms of <see cref="Tokens"/>, as spans of the folded text: no string is made for a term.</summary>
    public static TokenEnumerator EnumerateTokens(string text) => new(Fold(text));

    /// <summary>Walks the runs of a folded text: a word run is one term; a CJK run gives each character, then the pair it starts.</summary>
    public ref struct TokenEnumerator(string folded)
    {
        private int next;          // where the next run is looked for
        private int runEnd = -1;   // end of the current CJK run, or -1 outside one
        private int at;            // position in the current CJK run
        private bool pairDone = true;

        public ReadOnlySpan<char> Current { get; private set; }

        public readonly TokenEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (runEnd >= 0)
            {
                // Inside a CJK run: after a character comes the pair it starts, if there is a next character.
                if (!pairDone && at + 1 < runEnd)
                {
                    Current = folded.AsSpan(at, 2);
                    pairDone = true;
                    return true;
                }

                if (++at < runEnd)
                {
                    Current = folded.AsSpan(at, 1);
                    pairDone = false;
                    return true;
                }

                runEnd = -1;
            }

            while (next < folded.Length)
            {
                var c = folded[next];
                var cjk = IsCjk(c);
                if (!cjk && !IsWord(c))
                {
                    next++;
                    continue;
                }

                var start = next++;
                while (next < folded.Length && (cjk ? IsCjk(folded[next]) : IsWord(folded[next])))
                {
                    next++;
                }

                if (cjk)
                {
                    (runEnd, at, pairDone) = (next, start, false);
                    Current = folded.AsSpan(start, 1);
                }
                else
                {
                    Current = folded.AsSpan(start, next - start);
                }

                return true;
            }

            return false;
        }
    }

    /// <summary>
    /// The terms a query needs, each a must: a one-character CJK run needs that character, a longer run
    /// needs its bigrams (not its single characters, which every bigram implies), a word needs itself.
    /// </summary>
    public static List<string> QueryTerms(string query)
    {
        var terms = new List<string>();
        foreach (var run in Runs(query))
        {
            if (!IsCjk(run[0]) || run.Length == 1)
            {
                terms.Add(run);
                continue;
            }

            for (var i = 0; i + 1 < run.Length; i++)
            {
                terms.Add(run.Substring(i, 2));
            }
        }

        return [.. terms.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>FNV-1a over the UTF-16 code units: which shard file holds a term (the browser computes the same).</summary>
    public static uint Hash(string term)
    {
        var hash = 2166136261u;
        foreach (var c in term)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
