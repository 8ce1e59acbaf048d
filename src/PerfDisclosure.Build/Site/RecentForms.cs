namespace PerfDisclosure.Build.Site;

/// <summary>New and changed forms, newest first: for the home page and the Atom feed.</summary>
public static class RecentForms
{
    /// <summary>By <see cref="FormEntry.Updated"/> (from content, not git or the clock), then id, so every build agrees.</summary>
    public static IEnumerable<FormEntry> Of(SiteModel site) =>
        site.Forms.OrderByDescending(f => f.Updated).ThenBy(f => f.Form.Id, StringComparer.Ordinal);
}
