namespace PerfDisclosure.Build.Search;

/// <summary>
/// What a long-running process (<c>serve</c>) keeps of one build's search index for the next, so that a rebuild
/// reads and tokenises only the form pages that changed: each page's main text and counted terms, keyed by the
/// XxHash128 of the page's bytes, with the term table they point into. Both are a function of the page's bytes and
/// its heading alone, so a page whose bytes hash the same under the same heading is taken as it was. Each search
/// document is kept as its hash, so one made of the same page and fields that the published site still holds is not
/// made again. What the last two builds used is kept (<see cref="Caching.LastTwoBuilds{TKey, TValue}"/>), and the
/// pages are started again when the table holds more than twice the terms in use (edits leave terms no page has any
/// more). One build at a time.
/// </summary>
public sealed class SearchMemory
{
    // Terms a table may hold beyond twice those in use before it is started again: a site's worth of edits.
    private const int Slack = 1 << 16;
    private readonly Caching.LastTwoBuilds<UInt128, Page> pages = new();
    private readonly Caching.LastTwoBuilds<int, Document> documents = new();
    private int inUse;
    private int read;
    private int reused;

    /// <summary>One page as the index counted it.</summary>
    /// <param name="Heading">What its heading terms were marked against (project and organisation name).</param>
    public sealed record Page(string Heading, string Text, DocumentTerms Terms);

    /// <summary>One search document as a build wrote it: of the page with this hash, with these fields; its hash and length as the site manifest keeps them.</summary>
    public sealed record Document(UInt128 Page, SearchIndexFiles.DocumentFields Fields, UInt128 Hash, long Length);

    /// <summary>The term table the remembered pages' terms belong to, shared by each build's index.</summary>
    public SearchTerms Terms { get; private set; } = new();

    /// <summary>Pages read and tokenised in the last build.</summary>
    public int Read => read;

    /// <summary>Pages taken from memory in the last build.</summary>
    public int Reused => reused;

    /// <summary>Starts a build's index.</summary>
    public void Begin()
    {
        pages.Begin();
        documents.Begin();
        (read, reused) = (0, 0);
        if (Terms.Count > (2 * inUse) + Slack)
        {
            pages.Forget();
            Terms = new();
        }
    }

    /// <summary>The page with this hash as an earlier build counted it, when its heading is the same.</summary>
    public Page? Recall(UInt128 hash, string heading)
    {
        if (pages.TryRecall(hash, page => page.Heading == heading, out var page))
        {
            pages.Keep(hash, page);
            Interlocked.Increment(ref reused);
            return page;
        }

        return null;
    }

    /// <summary>Records a page this build read.</summary>
    public void Keep(UInt128 hash, Page page)
    {
        pages.Keep(hash, page);
        Interlocked.Increment(ref read);
    }

    /// <summary>Document <paramref name="id"/> as an earlier build wrote it from the page with this hash and these fields, or null.</summary>
    public Document? Recall(int id, UInt128 page, SearchIndexFiles.DocumentFields fields) =>
        documents.TryRecall(id, d => d.Page == page && d.Fields == fields, out var document) ? document : null;

    /// <summary>Records document <paramref name="id"/> as this build wrote it.</summary>
    public void Keep(int id, Document document) => documents.Keep(id, document);

    /// <summary>Once the build's index is written: what it used, and what the build before used, is what the next may recall.</summary>
    public void End()
    {
        pages.End();
        documents.End();
        inUse = Terms.All.Count(t => t.Documents > 0);
    }
}
