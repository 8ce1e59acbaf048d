using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using PerfDisclosure.Build.Publishing;
using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Build.Search;

/// <summary>
/// Writes the index under <c>search/</c>: <c>meta.json</c> (counts, shard count, filters), <c>shards/&lt;n&gt;.bin</c>
/// (postings by term hash) and <c>docs/&lt;n&gt;.json</c> (what a result shows, plus the text for its snippet).
/// Everything is ordered, so the same content gives the same bytes.
/// </summary>
public static class SearchIndexFiles
{
    public const int Version = 1;

    private static readonly JsonWriterOptions Json = new()
    {
        // Chinese as UTF-8, not \u escapes (half the bytes); HTML-sensitive characters stay escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>What a result shows of a form, but its text: with the text, all a search document is made of.</summary>
    public readonly record struct DocumentFields(string Url, string Title, string Organisation, int Year, string Kind, string Amount, string AmountUnit, string Grade)
    {
        /// <param name="kind">The kind of form as a reader names it (the theme's strings).</param>
        public static DocumentFields Of(FormEntry entry, string kind) => new(
            entry.Path,
            entry.Form.ProjectName,
            entry.Owner.Name,
            entry.Form.Year,
            kind,
            // The amount as the form prints it, in its own unit, so a result's facts and its snippet name one unit.
            entry.Amount is { } amount ? Html.FormatNumber(amount, entry.Layout.FieldAt(entry.Layout.Amount)?.Format) : string.Empty,
            entry.Layout.AmountUnit,
            entry.Grade ?? string.Empty);
    }

    /// <summary>The path of document <paramref name="id"/>.</summary>
    public static string DocumentPath(int id) => $"search/docs/{id}.json";

    /// <summary>What a result shows of a form, with the text its snippet is cut from (<c>docs/&lt;n&gt;.json</c>).</summary>
    public static byte[] Document(DocumentFields fields, string text)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256 + (3 * text.Length));
        using (var json = new Utf8JsonWriter(buffer, Json))
        {
            json.WriteStartObject();
            json.WriteString("url", fields.Url);
            json.WriteString("title", fields.Title);
            json.WriteString("organisation", fields.Organisation);
            json.WriteNumber("year", fields.Year);
            json.WriteString("kind", fields.Kind);
            json.WriteString("amount", fields.Amount);
            json.WriteString("amount_unit", fields.AmountUnit);
            json.WriteString(RoleNames.Snake(FieldRole.Grade), fields.Grade);
            json.WriteString("text", text);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteMeta(SiteWriter writer, int count, int shardCount, IReadOnlyList<SearchFacet> facets)
    {
        using var stream = writer.Create("search/meta.json");
        using var json = new Utf8JsonWriter(stream, Json);
        json.WriteStartObject();
        json.WriteNumber("version", Version);
        json.WriteNumber("count", count);
        json.WriteNumber("shards", shardCount);
        json.WriteNumber("k1", Posting.K1);
        json.WriteStartArray("facets");
        foreach (var facet in facets)
        {
            json.WriteStartObject();
            json.WriteString("key", facet.Key);
            json.WriteString("label", facet.Label);
            json.WriteStartArray("values");
            foreach (var value in facet.Values)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
            json.WriteStartArray("runs");
            foreach (var run in facet.Runs)
            {
                json.WriteNumberValue(run);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
