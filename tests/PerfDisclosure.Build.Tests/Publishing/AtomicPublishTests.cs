using PerfDisclosure.Build.Tests.Caching;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Publishing;

public class AtomicPublishTests
{
    [Fact]
    public void A_build_that_fails_midway_leaves_the_previous_site_intact()
    {
        var (content, _, output) = IncrementalBuildTests.Workspace();
        Assert.True(new SiteBuilder(new BuildOptions(content, Repo.Templates, output)).Build().Succeeded);
        var before = IncrementalBuildTests.Snapshot(output);

        // The Shenzhen form template fails at run time, after the pages of other layouts were written to staging.
        var templates = Repo.TempDir("broken");
        Directory.CreateDirectory(Path.Combine(templates, "layouts", "forms"));
        File.WriteAllText(Path.Combine(templates, "layouts", "forms", "shenzhen-target.sbn-html"), "{{ include 'no-such-partial' }}\n");
        var result = new SiteBuilder(new BuildOptions(content, templates, output)).Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.IsError);
        Caching.SiteSnapshots.AssertSame(before, IncrementalBuildTests.Snapshot(output));
        Assert.Empty(Directory.EnumerateDirectories(Path.GetDirectoryName(output)!, ".site.*"));
    }

    [Fact]
    public void A_killed_build_leaves_only_a_staging_folder_that_the_next_build_removes()
    {
        var (content, _, output) = IncrementalBuildTests.Workspace();
        Assert.True(new SiteBuilder(new BuildOptions(content, Repo.Templates, output)).Build().Succeeded);
        var before = IncrementalBuildTests.Snapshot(output);

        // What a killed build leaves: a staging folder of a process that no longer runs, half written.
        var orphan = Path.Combine(Path.GetDirectoryName(output)!, ".site.staging-999999-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(orphan);
        File.WriteAllText(Path.Combine(orphan, "index.html"), "half");
        Caching.SiteSnapshots.AssertSame(before, IncrementalBuildTests.Snapshot(output));

        Assert.True(new SiteBuilder(new BuildOptions(content, Repo.Templates, output)).Build().Succeeded);
        Assert.False(Directory.Exists(orphan));
        Caching.SiteSnapshots.AssertSame(before, IncrementalBuildTests.Snapshot(output));
    }
}
