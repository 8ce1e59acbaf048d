using System.Text.Json.Nodes;
using PerfDisclosure.Build.Sharding;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Sharding;

/// <summary>
/// A CI merge job is given shards that do not belong together: built from another commit, with other options,
/// copied in part, edited, doubled. Merge refuses each with one line naming the shard and what is wrong, and
/// writes nothing; it never publishes a site whose pages and data disagree.
/// </summary>
public class BrokenShardTests(BrokenShardTests.Shards built) : IClassFixture<BrokenShardTests.Shards>
{
    private const string Page = "sz-futian-investment-promotion/2024/office-equipment-purchase/index.html";

    public static TheoryData<string> Breakages =>
    [
        "built from other content", "built from other templates", "built with another base URL", "built by another build of the tool",
        "a file removed", "a stray file added", "a file changed, same size", "a file changed, other size", "a symbolic link added", "a folder linked in",
        "no manifest", "a manifest of format 1", "a manifest of a newer format", "a damaged manifest", "a manifest whose content hash was edited",
        "a manifest listing a path outside the site", "a manifest listing one file twice", "two shards holding one file",
        "one folder given twice", "two copies of one shard", "shards of different splits", "a shard missing", "a shard number out of range",
        "a folder that does not exist", "a file given as a shard",
    ];

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Merge_refuses_broken_shards_with_one_line_naming_the_shard_and_writes_nothing(string breakage)
    {
        var root = Repo.TempDir("broken-shard");
        var folders = Enumerable.Range(1, 3).Select(k => Repo.CopyTree(Path.Combine(root, $"shard-{k}"), built.Folder(k))).ToList();
        var second = folders[1];
        var (expected, named) = Break(breakage, root, folders);

        var merged = Path.Combine(root, "site");
        var error = Assert.Throws<ShardMergeException>(() => new SiteBuilder(new BuildOptions(Repo.Content, Repo.Templates, merged, NoPdf: true) with { MergeFrom = folders }).Build());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.All(named ?? [second], folder => Assert.Contains(folder, error.Message, StringComparison.Ordinal));
        Assert.DoesNotContain('\n', error.Message);
        // The Chinese line names the same shards, and says what is wrong in Chinese.
        Assert.All(named ?? [second], folder => Assert.Contains(folder, error.MessageZh, StringComparison.Ordinal));
        Assert.DoesNotContain('\n', error.MessageZh);
        Assert.True(error.MessageZh.Count(c => c is >= '\u4e00' and <= '\u9fff') >= 4, error.MessageZh);
        Assert.False(Directory.Exists(merged), "a refused merge writes no site");
        Assert.Empty(Directory.EnumerateDirectories(root, ".site.*"));
    }

    [Fact]
    public void Shards_of_one_build_record_one_content_hash_and_their_files()
    {
        var manifests = Enumerable.Range(1, 3).Select(k => ShardManifest.Read(built.Folder(k))).ToList();
        Assert.Single(manifests.Select(m => m.ContentHash).Distinct());
        Assert.All(manifests, m => Assert.Equal(ShardManifest.CurrentFormat, m.Format));
        var listed = manifests.SelectMany(m => m.Files.Select(f => f.Path)).ToList();
        Assert.Equal(listed.Count, listed.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(Page, listed);
        var entry = manifests.SelectMany(m => m.Files).Single(f => f.Path == Page);
        var bytes = File.ReadAllBytes(Path.Combine(built.Folder(manifests.First(m => m.Files.Contains(entry)).Shard), Page));
        Assert.Equal((bytes.LongLength, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))), (entry.Size, entry.Sha256));
    }

    /// <summary>Breaks the copied shards one way; returns the words the message must hold and the folders it must name (the second shard by default).</summary>
    private (string Expected, IReadOnlyList<string>? Named) Break(string breakage, string root, List<string> folders)
    {
        var second = folders[1];
        var manifest = Path.Combine(second, ShardManifest.FileName);
        var owner = folders.First(f => File.Exists(Path.Combine(f, Page)));
        switch (breakage)
        {
            case "built from other content":
                return Replace(second, built.OtherContent, "the content folder differs");
            case "built from other templates":
                return Replace(second, built.OtherTemplates, "the templates differ");
            case "built with another base URL":
                return Replace(second, built.OtherBaseUrl, "https://other.example/");
            case "built by another build of the tool":
                Edit(manifest, json => json["tool"] = "0123456789abcdef0123456789abcdef");
                return ("built by another build of perfdisclosure", null);
            case "a file removed":
                File.Delete(Path.Combine(owner, Page));
                return ($"{Page} is missing", [owner]);
            case "a stray file added":
                File.WriteAllText(Path.Combine(second, "notes.txt"), "left here by hand");
                return ("notes.txt is not a file its build wrote", null);
            case "a file changed, same size":
                var bytes = File.ReadAllBytes(Path.Combine(owner, Page));
                bytes[^2] ^= 1;
                File.WriteAllBytes(Path.Combine(owner, Page), bytes);
                return ($"{Page} was changed after its build", [owner]);
            case "a file changed, other size":
                File.AppendAllText(Path.Combine(owner, Page), "<script>alert(1)</script>");
                return ($"{Page} was changed after its build", [owner]);
            case "a symbolic link added":
                File.CreateSymbolicLink(Path.Combine(second, "passwd.txt"), "/etc/passwd");
                return ("passwd.txt is a symbolic link", null);
            case "a folder linked in":
                Directory.CreateSymbolicLink(Path.Combine(second, "etc"), "/etc");
                return ("etc is a symbolic link", null);
            case "no manifest":
                File.Delete(manifest);
                return (".shard.json is missing", null);
            case "a manifest of format 1":
                // What the first version wrote: shard, of and organisations only.
                File.WriteAllText(manifest, "{ \"shard\": 2, \"of\": 3, \"organisations\": [] }");
                return ("format 1, written by an older version", null);
            case "a manifest of a newer format":
                Edit(manifest, json => json["format"] = ShardManifest.CurrentFormat + 1);
                return ("written by a newer version", null);
            case "a damaged manifest":
                File.WriteAllText(manifest, "{ \"format\": 2, \"shard\": ");
                return ("damaged shard manifest", null);
            case "a manifest whose content hash was edited":
                Edit(manifest, json => json["content_hash"] = new string('0', 64));
                return ("was edited", null);
            case "a manifest listing a path outside the site":
                Edit(manifest, json => json["files"]!.AsArray().Add(new JsonObject { ["path"] = "../../etc/passwd", ["size"] = 1, ["sha256"] = "00" }));
                return ("lists '../../etc/passwd'", null);
            case "a manifest listing one file twice":
                Edit(manifest, json => json["files"]!.AsArray().Add(json["files"]![0]!.DeepClone()));
                return ("twice", null);
            case "two shards holding one file":
                var other = folders.First(f => f != owner);
                File.Copy(Path.Combine(owner, Page), Path.Combine(Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(other, Page))!).FullName, "index.html"));
                Edit(Path.Combine(other, ShardManifest.FileName), json => json["files"]!.AsArray().Add(JsonNode.Parse(File.ReadAllText(Path.Combine(owner, ShardManifest.FileName)))!["files"]!.AsArray().First(f => (string)f!["path"]! == Page)!.DeepClone()));
                return ($"both hold {Page}", [owner, other]);
            case "one folder given twice":
                folders.Add(second);
                return ("is given twice", null);
            case "two copies of one shard":
                folders.Add(Repo.CopyTree(Path.Combine(root, "shard-2-again"), second));
                return ("are the same shard", [second, folders[^1]]);
            case "shards of different splits":
                folders[1] = Repo.CopyTree(Path.Combine(root, "of-2"), built.HalfOfTwo);
                return ("shards of different splits", [folders[0], folders[1]]);
            case "a shard missing":
                folders.RemoveAt(2);
                return ("3/3 missing", [folders[0], folders[1]]);
            case "a shard number out of range":
                Edit(manifest, json => json["shard"] = 4);
                return ("no shard of a split", null);
            case "a folder that does not exist":
                Directory.Delete(second, recursive: true);
                return ("no such shard folder", null);
            default:
                Directory.Delete(second, recursive: true);
                File.WriteAllText(second, "not a folder");
                return ("a file, not a shard folder", null);
        }
    }

    /// <summary>Puts another build's shard 2 in place of this one's.</summary>
    private static (string, IReadOnlyList<string>?) Replace(string second, string from, string expected)
    {
        Directory.Delete(second, recursive: true);
        Repo.CopyTree(second, from);
        return (expected, null);
    }

    private static void Edit(string manifest, Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(manifest))!.AsObject();
        edit(json);
        File.WriteAllText(manifest, json.ToJsonString());
    }

    /// <summary>Shards 1..3 of content/, built once for every test, and shard 2 built from other inputs.</summary>
    public sealed class Shards
    {
        private readonly string root = Repo.TempDir("shards-built");

        public Shards()
        {
            for (var k = 1; k <= 3; k++)
            {
                Build(Folder(k), Repo.Content, Repo.Templates, new ShardSpec(k, 3));
            }

            var content = Repo.CopyTree(Path.Combine(root, "other-content"));
            var form = Path.Combine(content, "forms", "sz-futian-investment-promotion", "2024", "office-equipment-purchase.yaml");
            File.WriteAllText(form, File.ReadAllText(form).Replace("project_name: 办公设备采购", "project_name: 办公设备采购二期", StringComparison.Ordinal));
            Build(OtherContent, content, Repo.Templates, new ShardSpec(2, 3));

            var templates = Repo.CopyTree(Path.Combine(root, "other-templates"), Repo.Templates);
            File.AppendAllText(Path.Combine(templates, "assets", "site.css"), "\n/* another commit */\n");
            Build(OtherTemplates, Repo.Content, templates, new ShardSpec(2, 3));

            Build(OtherBaseUrl, Repo.Content, Repo.Templates, new ShardSpec(2, 3), "https://other.example/");
            Build(HalfOfTwo, Repo.Content, Repo.Templates, new ShardSpec(1, 2));
        }

        public string OtherContent => Path.Combine(root, "other-content-2");

        public string OtherTemplates => Path.Combine(root, "other-templates-2");

        public string OtherBaseUrl => Path.Combine(root, "other-base-url-2");

        public string HalfOfTwo => Path.Combine(root, "half-1-of-2");

        public string Folder(int k) => Path.Combine(root, $"shard-{k}");

        private static void Build(string output, string content, string templates, ShardSpec shard, string? baseUrl = null) =>
            Assert.True(new SiteBuilder(new BuildOptions(content, templates, output, baseUrl, NoPdf: true, Shard: shard)).Build().Succeeded);
    }
}
