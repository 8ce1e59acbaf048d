namespace PerfDisclosure.Build;

/// <summary>What <c>build</c> and <c>check</c> are asked to do.</summary>
/// <param name="TemplatesDir">The site's own templates folder; files there override the built-in theme.</param>
/// <param name="BaseUrl">Overrides site.yaml's base_url: canonical links, feeds and the sitemap use it.</param>
/// <param name="Strict">Warnings stop the build, and a template that reads a missing variable is an error.</param>
/// <param name="NoPdf">Skip the PDFs on purpose.</param>
/// <param name="RequirePdf">Fail the build when PDFs cannot be printed (no PDF engine), instead of skipping them.</param>
/// <param name="CacheDir">Folder of rendered pages kept between builds (incremental builds), or null to render everything.</param>
/// <param name="Shard">Build only this shard's organisations (<c>build --shard K/N</c>), for <c>merge</c> to combine.</param>
/// <param name="Drafts">Publish draft forms (<c>draft: true</c>) that have no errors (<c>build --drafts</c>; <c>serve</c> always previews them).</param>
/// <param name="PdfEngineDir">The Typst engine's folder (pdf-engine/ with its packages installed); otherwise $PERFDISCLOSURE_PDF_ENGINE or found upwards.</param>
/// <param name="MergeFrom">The shard output folders that <c>merge</c> combines; the build then runs only the global stages.</param>
public sealed record BuildOptions(
    string ContentDir = "content",
    string? TemplatesDir = "templates",
    string OutputDir = "site",
    string? BaseUrl = null,
    bool Strict = false,
    bool NoPdf = false,
    bool RequirePdf = false,
    string? CacheDir = null,
    Sharding.ShardSpec? Shard = null,
    IReadOnlyList<string>? MergeFrom = null,
    string? PdfEngineDir = null,
    bool Drafts = false);
