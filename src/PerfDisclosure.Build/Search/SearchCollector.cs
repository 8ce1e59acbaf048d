using PerfDisclosure.Build.Publishing;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation.Rules.Outputs;

namespace PerfDisclosure.Build.Search;

/// <summary>
/// The search index of a build, gathered as the form pages are written: each page's main text goes at once into
/// its search document (<c>search/docs/&lt;n&gt;.json</c>) and into the <see cref="InvertedIndex"/>, so no text is
/// held and no page is read back. Documents are numbered in an order a form's name does not change (organisation,
/// year, newest first, then form id), not the site's order (which sorts by project name): a renamed form keeps its
/// number and its neighbours theirs, so a one-form edit rewrites only the shards of that form's terms.
/// </summary>
public sealed class SearchCollector : IDisposable
{
    private readonly SiteModel site;
    private readonly SiteWriter writer;
    private readonly List<Diagnostic> findings = [];
    private readonly InvertedIndex index;
    private readonly bool[] added;
    private readonly int[] documents;
    private readonly SearchMemory? memory;
    private readonly CountedPages? pages;

    /// <param name="spillFolder">Where the index keeps its postings until it is written; deleted with the collector.</param>
    /// <param name="memory">What the last build of this process counted (<c>serve</c>): unchanged pages are not read again.</param>
    /// <param name="pages">
    /// Without a memory, what the cache folder's last build counted (a new process with a cache): unchanged pages are
    /// not tokenised again, and those the published site still holds are not read. Disposed with the collector.
    /// </param>
    public SearchCollector(SiteModel site, SiteWriter writer, string spillFolder, SearchMemory? memory = null, CountedPages? pages = null)
    {
        (this.site, this.writer, this.memory) = (site, writer, memory);
        this.pages = memory is null ? pages : null;
        memory?.Begin();
        index = this.pages is { } counted ? new InvertedIndex(site.Forms.Count, spillFolder, counted.Terms, hold: false) : new InvertedIndex(site.Forms.Count, spillFolder, memory?.Terms);
        added = new bool[site.Forms.Count];
        int[] order = [.. Enumerable.Range(0, site.Forms.Count)
            .OrderBy(i => site.Forms[i].Owner.Id, StringComparer.Ordinal)
            .ThenByDescending(i => site.Forms[i].Form.Year)
            .ThenBy(i => site.Forms[i].Form.Id, StringComparer.Ordinal)];
        Forms = [.. order.Select(i => site.Forms[i])];
        documents = new int[order.Length];
        for (var d = 0; d < order.Length; d++)
        {
            documents[order[d]] = d;
        }
    }

    /// <summary>The site's forms in document order: document <c>n</c> is <c>Forms[n]</c>.</summary>
    public IReadOnlyList<FormEntry> Forms { get; }

    /// <summary>Forms whose page gives no text to search.</summary>
    public IReadOnlyList<Diagnostic> Findings
    {
        get
        {
            lock (findings)
            {
                return [.. findings];
            }
        }
    }

    /// <summary>Adds form <paramref name="form"/> (its place in the site) from the bytes of its page.</summary>
    public void Add(int form, Caching.PageBytes page)
    {
        var entry = site.Forms[form];
        var heading = entry.Form.ProjectName + " " + entry.Owner.Name;
        var hash = memory is null && pages is null ? default : page.Hash;
        var known = memory?.Recall(hash, heading);
        var recalled = pages?.Recall(hash, heading);
        // The page's text is read (from its bytes, which may be read for it) only when neither kept its count.
        var text = known?.Text ?? (recalled is null ? MainText.Extract(page.Bytes) : null);
        if (text?.Length == 0 || recalled is { Empty: true })
        {
            Report(OutputRules.SearchTextMissing.Report(SourceSpan.FileOnly(entry.Form.File), $"表单页面没有 <main> 内容，搜索找不到它：{entry.Path}", $"The form's page has no <main> content, so search cannot find it: {entry.Path}"));
        }

        WriteDocument(documents[form], entry, hash, () => text ??= MainText.Extract(page.Bytes));
        var counted = known?.Terms ?? recalled?.Terms ?? index.Count(text!, heading);
        index.Add(documents[form], counted);
        if (known is null)
        {
            memory?.Keep(hash, new SearchMemory.Page(heading, text!, counted));
        }

        pages?.Keep(documents[form], hash, heading, recalled?.Empty ?? text!.Length == 0, counted);
        added[form] = true;
    }

    /// <summary>The form's search document; with a memory, one the published site holds as it would be made is kept.</summary>
    private void WriteDocument(int id, FormEntry entry, UInt128 page, Func<string> text)
    {
        var fields = SearchIndexFiles.DocumentFields.Of(entry, site.Strings.Kind(entry.IsSelfEvaluation));
        var path = SearchIndexFiles.DocumentPath(id);
        var known = memory?.Recall(id, page, fields);
        if (known is not null && writer.KeepUnchanged(path, known.Hash, known.Length))
        {
            memory!.Keep(id, known);
            return;
        }

        if (pages?.Recall(id, page, fields) is { } written && writer.KeepUnchanged(path, written.Hash, written.Length))
        {
            pages.Keep(id, page, fields, written.Hash, written.Length);
            return;
        }

        var bytes = SearchIndexFiles.Document(fields, text());
        writer.WriteBytes(path, bytes);
        var hash = SiteWriter.HashOf(bytes);
        memory?.Keep(id, new SearchMemory.Document(page, fields, hash, bytes.Length));
        pages?.Keep(id, page, fields, hash, bytes.Length);
    }

    /// <summary>Adds the forms whose pages this build did not write itself (a merge copies them in) from the staging folder.</summary>
    public void AddWritten()
    {
        Parallel.For(0, added.Length, Parallelism.PerCore, form =>
        {
            if (!added[form])
            {
                var file = writer.Locate(site.Forms[form].Path + "index.html");
                Add(form, Caching.PageBytes.Of(File.Exists(file) ? File.ReadAllBytes(file) : []));
            }
        });
    }

    /// <summary>Writes the shards and <c>search/meta.json</c>, once every form was added.</summary>
    public void Write(IReadOnlyList<SearchFacet> facets)
    {
        SearchIndexFiles.WriteMeta(writer, added.Length, index.WriteShards(writer), facets);
        memory?.End();
        pages?.Save();
    }

    /// <summary>Pages whose terms the cache folder's last build had counted.</summary>
    public int Recalled => pages?.Recalled ?? 0;

    public void Dispose()
    {
        index.Dispose();
        pages?.Dispose();
    }

    private void Report(Diagnostic diagnostic)
    {
        lock (findings)
        {
            findings.Add(diagnostic);
        }
    }
}
