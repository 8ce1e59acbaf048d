using PerfDisclosure.Build.Publishing;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Publishing;

public class PublishingFaultTests
{
    [Theory]
    [InlineData("../escape.html")]
    [InlineData("a/../../escape.html")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b.html")]
    [InlineData("./a.html")]
    [InlineData("")]
    [InlineData("..\\escape.html")]
    public void The_writer_refuses_a_path_outside_the_site(string path)
    {
        var writer = new SiteWriter(Repo.TempDir("writer"));
        var error = Assert.Throws<OutputPathException>(() => writer.WriteText(path, "x"));
        Assert.Equal($"refusing to write outside the site: '{path}'", error.Message);
        Assert.Equal($"拒绝写到网站文件夹之外：“{path}”", error.MessageZh);
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(writer.Root)!), p => Path.GetFileName(p) == "escape.html");
    }

    [Theory]
    [InlineData("a/index.html", "a/index.html")]
    [InlineData("a/index.html", "A/Index.html")]
    [InlineData("a/index.html", "a\\index.html")]
    public void Two_writes_to_one_file_are_an_error_and_the_first_is_kept(string first, string second)
    {
        var writer = new SiteWriter(Repo.TempDir("writer"));
        writer.WriteText(first, "first");

        var error = Assert.Throws<OutputPathException>(() => writer.WriteText(second, "second"));

        Assert.Equal($"two outputs would write the same file: '{second.Replace('\\', '/')}'", error.Message);
        Assert.Equal($"两个输出会写同一个文件：“{second.Replace('\\', '/')}”", error.MessageZh);
        Assert.Equal("first", File.ReadAllText(Path.Combine(writer.Root, first)));
    }

    [Fact]
    public void A_failed_build_removes_its_staging_folder_and_leaves_the_site()
    {
        var site = new TestSite("failed-build");
        Directory.CreateDirectory(site.Output);
        File.WriteAllText(Path.Combine(site.Output, OutputFolder.MarkerName), string.Empty);
        File.WriteAllText(Path.Combine(site.Output, "index.html"), "old");
        site.Write("templates/layouts/home.sbn-html", "{{ for }}");

        Assert.False(site.Build().Succeeded);

        Assert.Equal("old", File.ReadAllText(Path.Combine(site.Output, "index.html")));
        Assert.Empty(Directory.EnumerateDirectories(site.Root, ".site.*"));
    }
}
