namespace PerfDisclosure.Build.Search;

/// <summary>
/// One document's terms as the index counts them: how many tokens it has, each distinct term once, and beside each
/// its frequency and whether the heading holds it, as <c>frequency &lt;&lt; 1 | inHeading</c>.
/// </summary>
public sealed record DocumentTerms(int Length, SearchTerm[] Terms, int[] Weights);
