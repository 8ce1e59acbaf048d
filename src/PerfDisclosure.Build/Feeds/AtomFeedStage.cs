using System.Globalization;
using System.Xml;
using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Stages;

namespace PerfDisclosure.Build.Feeds;

/// <summary>
/// site/feed.xml: an Atom feed of new and changed forms, newest first. A form's date is its <c>updated</c>
/// field (else 1 January of its year), so the feed comes from content alone and the same content gives the same feed.
/// </summary>
public sealed class AtomFeedStage : IOutputStage
{
    public const string Path = "feed.xml";

    /// <summary>Enough for a reader to catch up; the sitemap and the open data list everything.</summary>
    public const int MaxEntries = 100;

    private const string Atom = "http://www.w3.org/2005/Atom";

    public string Name => "feed";

    public void Run(BuildContext context)
    {
        var site = context.Site;
        var url = (string path) => PageContext.Canonical(site.Settings.BaseUrl, path);
        var entries = RecentForms.Of(site).Take(MaxEntries).ToList();
        using var stream = context.Writer.Create(Path);
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartElement("feed", Atom);
        xml.WriteAttributeString("xml", "lang", null, "zh-CN");
        xml.WriteElementString("id", url(""));
        xml.WriteElementString("title", site.Settings.Title);
        xml.WriteElementString("subtitle", site.Strings["feed.subtitle"]);
        xml.WriteElementString("updated", Timestamp(entries.Count == 0 ? new DateOnly(2000, 1, 1) : entries[0].Updated));
        Link(xml, "self", url(Path), "application/atom+xml");
        Link(xml, "alternate", url(""), "text/html");
        xml.WriteStartElement("author");
        xml.WriteElementString("name", site.Settings.PublisherName);
        xml.WriteEndElement();
        foreach (var entry in entries)
        {
            xml.WriteStartElement("entry");
            xml.WriteElementString("id", url(entry.Path));
            xml.WriteElementString("title", site.Strings.Format("feed.entry", ("project", entry.Form.ProjectName), ("year", entry.Form.Year), ("layout", entry.Layout.Title)));
            xml.WriteElementString("published", Timestamp(entry.Published));
            xml.WriteElementString("updated", Timestamp(entry.Updated));
            Link(xml, "alternate", url(entry.Path), "text/html");
            Link(xml, "alternate", url(entry.Path + "form.json"), "application/json");
            xml.WriteStartElement("author");
            xml.WriteElementString("name", entry.Owner.Name);
            xml.WriteEndElement();
            xml.WriteStartElement("summary");
            xml.WriteAttributeString("type", "text");
            xml.WriteString(Summary(site.Strings, entry));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string Summary(Theme.ThemeStrings strings, FormEntry entry)
    {
        var amount = entry.Amount is { } a ? strings.Format("feed.amount", ("amount", Html.FormatNumber(a, "#,##0.00")), ("unit", entry.Layout.AmountUnit)) : string.Empty;
        var score = entry.TotalScore is { } s ? strings.Format("feed.score", ("score", Html.FormatNumber(s, "0.00"))) : string.Empty;
        return strings.Format("feed.summary", ("organisation", entry.Owner.Name), ("year", entry.Form.Year), ("layout", entry.Layout.Title), ("amount", amount), ("score", score));
    }

    private static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteAttributeString("type", type);
        xml.WriteEndElement();
    }
}
