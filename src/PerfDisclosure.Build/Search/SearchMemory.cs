using System.Collections.Concurrent;

namespace PerfDisclosure.Build.Search;

/// <summary>
/// What a long-running process (<c>serve</c>) keeps of one build's search index for the next, so that a rebuild
/// reads and tokenises only the form pages that changed: each page's main text and counted terms, keyed by the
/// XxHash128 of the page's bytes, with the term table they point into. Both are a function of the page's bytes and
/// its heading alone, so a page whose bytes hash the same under the same heading is taken as it was. Each search
/// document is kept as its hash, so one made of the same page and fields that the published site still holds is not
/// made again. What the last two
/// builds used is kept (<c>serve --pdf</c> alternates builds whose pages differ by their PDF links); older pages are
/// forgotten, and the whole memory is started again when its table holds more than twice the terms in use (edits
/// leave terms no page has any more). One build at a time.
/// </summary>
public sealed class SearchMemory
{
    // Terms a table may hold beyond twice those in use before it is started again: a site's worth of edits.
    private const int Slack = 1 << 16;
    private ConcurrentDictionary<UInt128, Page> pages = new();
    private ConcurrentDictionary<UInt128, Page> older = new();
    private ConcurrentDictionary<UInt128, Page> used = new();
    private ConcurrentDictionary<int, Document> documents = new();
    private ConcurrentDictionary<int, Document> olderDocuments = new();
    private ConcurrentDictionary<int, Document> usedDocuments = new();
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
        // About what the last build used.
        used = new(Environment.ProcessorCount, Math.Max(31, pages.Count));
        usedDocuments = new(Environment.ProcessorCount, Math.Max(31, documents.Count));
        (read, reused) = (0, 0);
        if (Terms.Count > (2 * inUse) + Slack)
        {
            (pages, older) = (new(), new());
            Terms = new();
        }
    }

    /// <summary>The page with this hash as an earlier build counted it, when its heading is the same.</summary>
    public Page? Recall(UInt128 hash, string heading)
    {
        if ((pages.TryGetValue(hash, out var page) || older.TryGetValue(hash, out page)) && page.Heading == heading)
        {
            used[hash] = page;
            Interlocked.Increment(ref reused);
            return page;
        }

        return null;
    }

    /// <summary>Records a page this build read.</summary>
    public void Keep(UInt128 hash, Page page)
    {
        used[hash] = page;
        Interlocked.Increment(ref read);
    }

    /// <summary>Document <paramref name="id"/> as an earlier build wrote it from the page with this hash and these fields, or null.</summary>
    public Document? Recall(int id, UInt128 page, SearchIndexFiles.DocumentFields fields) =>
        (documents.TryGetValue(id, out var document) && document.Page == page && document.Fields == fields)
        || (olderDocuments.TryGetValue(id, out document) && document.Page == page && document.Fields == fields) ? document : null;

    /// <summary>Records document <paramref name="id"/> as this build wrote it.</summary>
    public void Keep(int id, Document document) => usedDocuments[id] = document;

    /// <summary>Once the build's index is written: what it used, and what the build before used, is what the next may recall.</summary>
    public void End()
    {
        (older, pages) = (pages, used);
        (olderDocuments, documents) = (documents, usedDocuments);
        inUse = Terms.All.Count(t => t.Documents > 0);
    }
}
