using PerfDisclosure.Testing;

namespace PerfDisclosure.Bench.Tests;

public class RebuildsTests
{
    [Fact]
    public void Each_rebuild_saves_one_form_under_a_new_name_and_publishes_it_with_its_stage_times()
    {
        var root = Repo.TempDir("bench-rebuilds");
        var content = Repo.CopyTree(Path.Combine(root, "content"));
        var log = new StringWriter();

        Rebuilds.Run(content, Repo.Templates, Path.Combine(root, "work"), 2, log);

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("build: ", lines[0], StringComparison.Ordinal);
        // The first build proves nothing changed by the stamp; a rebuild knows from its parse memory and has none.
        Assert.Contains("succeeded (stamp ", lines[0], StringComparison.Ordinal);
        Assert.All(lines[1..], line => Assert.Contains("succeeded (load ", line, StringComparison.Ordinal));
        Assert.All(lines[1..], line => Assert.Contains("pages published at ", line, StringComparison.Ordinal));
        Assert.All(lines[1..], line => Assert.Contains(", pages ", line, StringComparison.Ordinal));

        // The second rebuild's name is on the changed form's page, as serve would show it.
        var form = Directory.EnumerateFiles(Path.Combine(content, "forms"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var page = Path.Combine(root, "work", "site", Path.ChangeExtension(Path.GetRelativePath(Path.Combine(content, "forms"), form), null), "index.html");
        Assert.Contains("基准测试第2次保存", File.ReadAllText(page), StringComparison.Ordinal);
    }
}
