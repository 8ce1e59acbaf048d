using System.Text;
using PerfDisclosure.Build.Publishing;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Publishing;

/// <summary>The marker written a buffer at a time is the marker's text, and reads back as the same manifest.</summary>
public class SiteManifestTests
{
    [Fact]
    public void The_marker_written_into_its_file_is_its_text_and_reads_back_whole()
    {
        var files = Enumerable.Range(0, 5000).ToDictionary(
            i => $"org-{i % 37:D4}/2024/项目-{i}/index.html",
            i => new SiteManifest.Entry(((UInt128)(ulong)i << 64) | (ulong)(i * 31), i * 1000L, 638_000_000_000_000_000L + i));
        var manifest = new SiteManifest(files);
        var marker = Path.Combine(Repo.TempDir("manifest"), OutputFolder.MarkerName);

        manifest.WriteTo(marker);

        Assert.Equal(Encoding.UTF8.GetBytes(manifest.ToText()), File.ReadAllBytes(marker));
        Assert.Equal(files.OrderBy(f => f.Key, StringComparer.Ordinal), SiteManifest.Read(marker)!.Files.OrderBy(f => f.Key, StringComparer.Ordinal));
    }
}
