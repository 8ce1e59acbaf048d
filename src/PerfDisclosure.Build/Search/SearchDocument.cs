using PerfDisclosure.Build.Site;

namespace PerfDisclosure.Build.Search;

/// <summary>A form as the search index sees it: its number in the index, its entry and its page's main text.</summary>
public sealed record SearchDocument(int Id, FormEntry Entry, string Text)
{
    /// <summary>Project name and organisation name: matches here rank higher.</summary>
    public string Heading => Entry.Form.ProjectName + " " + Entry.Owner.Name;
}
