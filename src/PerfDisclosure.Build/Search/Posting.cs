namespace PerfDisclosure.Build.Search;

/// <summary>
/// One form holding one term. <paramref name="Weight"/> is the BM25 term-frequency part, already normalised
/// by the form's length at build time and quantised to 1–15, so the browser needs no form lengths; the
/// browser multiplies it by the term's rarity (idf).
/// </summary>
/// <param name="InHeading">The term occurs in the project name or the organisation name (boosted).</param>
public readonly record struct Posting(int Document, int Weight, bool InHeading)
{
    /// <summary>BM25's usual constants.</summary>
    public const double K1 = 1.2, B = 0.75;

    public static int Quantise(int termFrequency, int length, double averageLength)
    {
        var saturated = termFrequency * (K1 + 1) / (termFrequency + (K1 * (1 - B + (B * length / averageLength))));
        return Math.Clamp((int)Math.Round(saturated / (K1 + 1) * 15), 1, 15);
    }

    /// <summary>The entry as stored: the gap from the previous document, then weight and heading flag in five bits.</summary>
    public ulong Encode(int previous) => ((ulong)(Document - previous) << 5) | ((ulong)Weight << 1) | (InHeading ? 1UL : 0UL);

    public static Posting Decode(ulong value, int previous) => new(previous + (int)(value >> 5), (int)((value >> 1) & 0xF), (value & 1) == 1);
}
