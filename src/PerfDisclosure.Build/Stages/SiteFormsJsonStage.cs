namespace PerfDisclosure.Build.Stages;

/// <summary>
/// site/data/forms.json: every form, joined from the form.json files <see cref="FormsJsonStage"/> wrote beside the
/// pages (or a merge copied in), so no form is serialised twice. A site-wide download: serve publishes it after the pages.
/// </summary>
public sealed class SiteFormsJsonStage : IDownloadStage
{
    private static readonly byte[] Indent = "\n  "u8.ToArray();

    public string Name => "forms-json";

    public void Run(BuildContext context)
    {
        var site = context.Site;

        // An element of the array is the form's own JSON indented one level: JSON strings hold no raw line breaks,
        // so every line break of a form.json is one of the writer's, followed by its indentation. Each is read back
        // as it is joined, so no more than one form's JSON is held at a time.
        using var stream = context.Writer.Create("data/forms.json");
        if (site.Forms.Count == 0)
        {
            stream.Write("[]"u8);
            return;
        }

        stream.Write("["u8);
        for (var i = 0; i < site.Forms.Count; i++)
        {
            context.Interrupt.ThrowIfCancellationRequested(); // a newer change joins them again (serve)
            if (i > 0)
            {
                stream.Write(","u8);
            }

            stream.Write(Indent);
            var piece = File.ReadAllBytes(context.Writer.Locate(site.Forms[i].Path + "form.json")).AsSpan();
            for (int at; (at = piece.IndexOf((byte)'\n')) >= 0; piece = piece[(at + 1)..])
            {
                stream.Write(piece[..at]);
                stream.Write(Indent);
            }

            stream.Write(piece);
        }

        stream.Write("\n]"u8);
    }
}
