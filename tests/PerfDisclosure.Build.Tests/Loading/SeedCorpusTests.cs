using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Loading;

public class SeedCorpusTests
{
    private static readonly LoadedContent Content = ContentLoader.Load(Repo.Content, new ThemeFiles(Repo.Templates));

    [Fact]
    public void Every_seed_form_loads_without_errors()
    {
        Assert.Empty(Content.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
        Assert.Equal(47, Content.Forms.Count);
    }

    [Theory]
    [InlineData("shanghai-target-2026", 9)]
    [InlineData("shanghai-target-2022", 11)]
    [InlineData("shanghai-self-evaluation", 13)]
    [InlineData("shenzhen-target", 14)]
    public void Each_layout_has_its_seed_forms(string layout, int count) =>
        Assert.Equal(count, Content.Forms.Count(f => f.LayoutId == layout));
}
