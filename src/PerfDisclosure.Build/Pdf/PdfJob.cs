namespace PerfDisclosure.Build.Pdf;

/// <summary>One PDF to print: the HTML file it is printed from, where it goes in the site, and its metadata.</summary>
/// <param name="SitePath">The PDF's site-relative path.</param>
/// <param name="Source">The HTML file in the staging folder that Chromium prints.</param>
/// <param name="Landscape">Prints on landscape A4 (the official layout is landscape); a compilation's forms set it per form.</param>
/// <param name="Key">Content hash of everything that shapes the PDF: its HTML, the assets and the metadata.</param>
/// <param name="Date">Its creation date: SOURCE_DATE_EPOCH, else from the content (never the clock), so the bytes depend on the input only.</param>
/// <param name="Shell">
/// Jobs with the same shell load the same stylesheets and scripts by the same relative addresses (all form pages; all
/// compilations), so a page already loaded can print another by taking its &lt;main&gt;: the styles stay parsed and
/// the fonts loaded (<see cref="PageHead.Shell"/>).
/// </param>
public sealed record PdfJob(string SitePath, string Source, string Title, string Author, bool Landscape, string Key, DateTimeOffset Date, string? Shell = null);
