using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Loading;

/// <summary>A free page from content/pages (关于本站 …): a title and Markdown.</summary>
public sealed record Page(string Slug, string Title, string Markdown, SourceSpan Where);
