using PerfDisclosure.Build.Publishing;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Publishing;

/// <summary>A file written by a writer that seeks (a zip archive) is published and listed as the same bytes written at once would be.</summary>
public class SiteWriterTests
{
    [Fact]
    public void A_file_its_writer_went_back_into_holds_the_final_bytes_and_is_listed_as_if_written_at_once()
    {
        var seeking = new SiteWriter(Repo.TempDir("writer-seek"));
        var whole = new SiteWriter(Repo.TempDir("writer-whole"));
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();

        seeking.WriteSeekable("data/forms.xlsx", file =>
        {
            file.Write(new byte[16]); // a header whose sizes are known only at the end
            file.Write(bytes.AsSpan(16));
            file.Position = 0;
            file.Write(bytes.AsSpan(0, 16));
            file.Position = file.Length;
        });
        whole.WriteBytes("data/forms.xlsx", bytes);

        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(seeking.Root, "data", "forms.xlsx")));
        var (a, b) = (seeking.Manifest.Files["data/forms.xlsx"], whole.Manifest.Files["data/forms.xlsx"]);
        Assert.Equal((b.Hash, b.Length), (a.Hash, a.Length));
        Assert.Equal(SiteWriter.HashOf(bytes), a.Hash);
        Assert.Contains("data/forms.xlsx", seeking.Staged);
    }

    [Fact]
    public void A_seekable_file_is_refused_outside_the_site_before_anything_is_written()
    {
        var writer = new SiteWriter(Repo.TempDir("writer-seek-outside"));
        var called = false;

        Assert.Throws<OutputPathException>(() => writer.WriteSeekable("../escape.xlsx", _ => called = true));

        Assert.False(called);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(writer.Root)!, "escape.xlsx")));
    }
}
