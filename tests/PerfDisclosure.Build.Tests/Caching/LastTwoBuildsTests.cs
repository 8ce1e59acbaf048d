using PerfDisclosure.Build.Caching;

namespace PerfDisclosure.Build.Tests.Caching;

/// <summary>A memory recalls what the last two builds used, the last first, and forgets what neither used.</summary>
public class LastTwoBuildsTests
{
    [Fact]
    public void A_value_is_recalled_for_two_builds_after_the_one_that_used_it_and_then_forgotten()
    {
        var memory = new LastTwoBuilds<int, string>();
        memory.Begin();
        memory.Keep(1, "html");
        memory.End();

        // The next build uses another value for the key (serve --pdf: the page with its PDF link).
        memory.Begin();
        Assert.True(memory.TryRecall(1, _ => true, out var first));
        Assert.Equal("html", first);
        memory.Keep(1, "pdf");
        memory.End();

        // The last build's value first; the one before when only it fits.
        memory.Begin();
        Assert.True(memory.TryRecall(1, _ => true, out var last) && last == "pdf");
        Assert.True(memory.TryRecall(1, v => v == "html", out var before) && before == "html");
        memory.End();

        // Nothing used by the build just ended, nor by the one before it: forgotten.
        memory.Begin();
        memory.End();
        memory.Begin();
        Assert.False(memory.TryRecall(1, _ => true, out _));
    }

    [Fact]
    public void Forgetting_leaves_nothing_to_recall_but_keeps_what_the_build_under_way_used()
    {
        var memory = new LastTwoBuilds<int, string>();
        memory.Begin();
        memory.Keep(1, "a");
        memory.End();
        memory.Begin();
        memory.Forget();
        Assert.False(memory.TryRecall(1, _ => true, out _));
        memory.Keep(2, "b");
        memory.End();
        memory.Begin();
        Assert.True(memory.TryRecall(2, _ => true, out var kept) && kept == "b");
    }
}
