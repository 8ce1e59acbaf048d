using PerfDisclosure.Build.Reporting;
using PerfDisclosure.Build.Tests.Caching;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Reporting;

public class BuildProgressTests
{
    [Fact]
    public void In_CI_logs_progress_is_plain_lines_and_on_a_terminal_one_line_rewritten()
    {
        var plain = new StringWriter();
        var ci = new BuildProgress(plain, interactive: false, TimeSpan.Zero);
        ci.Advance("pages");
        ci.Advance("pages");
        ci.Advance("pdfs");
        ci.Finish();
        var lines = plain.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("progress: pages 2, pdfs 1", lines[2]);
        Assert.DoesNotContain('\r', plain.ToString());

        var terminal = new StringWriter();
        var live = new BuildProgress(terminal, interactive: true, TimeSpan.Zero);
        live.Advance("pages");
        live.Advance("pages");
        live.Finish();
        Assert.StartsWith("\rpages 1", terminal.ToString());
        Assert.EndsWith("\rpages 2   " + Environment.NewLine, terminal.ToString());
    }

    [Fact]
    public void Progress_lines_are_at_most_one_per_interval_and_the_last_counts_are_shown()
    {
        var output = new StringWriter();
        var progress = new BuildProgress(output, interactive: false, TimeSpan.FromHours(1));
        for (var i = 0; i < 500; i++)
        {
            progress.Advance("pages");
        }

        progress.Finish();
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("progress: pages 500", lines[1]);
    }

    [Fact]
    public void A_build_counts_every_page_it_writes()
    {
        var (content, cache, output) = IncrementalBuildTests.Workspace();
        var progress = new BuildProgress(null, false, TimeSpan.Zero);
        var builder = new SiteBuilder(new BuildOptions(content, Repo.Templates, output, CacheDir: cache)) { Progress = progress };
        Assert.True(builder.Build().Succeeded);
        Assert.Equal(Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories).Count(), progress.Count("pages"));
    }
}
