using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Forms;

/// <summary>One published form, as its content file describes it.</summary>
/// <param name="Id"><c>owner/year/slug</c>; also the page's path.</param>
/// <param name="Owner">Id of the organisation the form is published under.</param>
/// <param name="Classified">涉密项目不宜公开: only the redacted form may be published.</param>
/// <param name="Updated">When the publisher last changed the form (optional <c>updated:</c>); feeds and "recently changed" use it.</param>
/// <param name="Published">When the form was first published (optional <c>published:</c>).</param>
/// <param name="FileDate">The day its content file was last written, as the loader found it: the real date left when the form gives none.</param>
public sealed record Form(
    string Id,
    string Slug,
    string LayoutId,
    int Year,
    string ProjectName,
    string Owner,
    bool Classified,
    FieldSet Fields,
    IReadOnlyList<IndicatorRow> Indicators,
    SourceSpan Where,
    DateOnly? Updated = null,
    DateOnly? Published = null,
    DateOnly? FileDate = null)
{
    public string File => Where.File;

    /// <summary>A draft (<c>draft: true</c>, what <c>new</c> writes): previewed by <c>serve</c>, left out of <c>build</c> unless <c>--drafts</c>.</summary>
    public bool Draft { get; init; }
}
