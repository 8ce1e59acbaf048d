using PerfDisclosure.Build.Publishing;

namespace PerfDisclosure.Build.Caching;

/// <summary>
/// An output the render cache wrote, for a stage that reads it (the search index): its bytes, or, for one kept in
/// place from <see cref="RenderMemory"/>, its hash and the published file, read only if asked.
/// </summary>
public sealed class PageBytes
{
    private readonly string? file;
    private byte[]? bytes;
    private UInt128? hash;

    private PageBytes(byte[]? bytes, UInt128? hash, string? file) => (this.bytes, this.hash, this.file) = (bytes, hash, file);

    public static PageBytes Of(byte[] bytes) => new(bytes, null, null);

    /// <summary>An output the published site holds unchanged at <paramref name="file"/>, with these bytes' hash.</summary>
    public static PageBytes Published(UInt128 hash, string file) => new(null, hash, file);

    /// <summary>The bytes' hash as the site manifest keeps it (<see cref="SiteWriter.HashOf"/>).</summary>
    public UInt128 Hash => hash ??= SiteWriter.HashOf(Bytes);

    public byte[] Bytes => bytes ??= File.ReadAllBytes(file!);
}
