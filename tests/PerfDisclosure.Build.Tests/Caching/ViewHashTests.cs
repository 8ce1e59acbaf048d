using System.Security.Cryptography;
using PerfDisclosure.Build.Caching;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Tests.Caching;

/// <summary>A frozen map (the theme's strings) is hashed once and stands in each view as its digest; nothing else is remembered.</summary>
public class ViewHashTests
{
    [Fact]
    public void Frozen_maps_with_the_same_texts_hash_alike_and_a_changed_text_changes_the_hash()
    {
        Assert.Equal(Hash(View(Frozen("title", "申报表"))), Hash(View(Frozen("title", "申报表"))));
        Assert.NotEqual(Hash(View(Frozen("title", "申报表"))), Hash(View(Frozen("title", "自评表"))));
    }

    [Fact]
    public void A_read_only_map_holding_a_list_is_hashed_again_each_time_so_a_changed_list_changes_the_hash()
    {
        var items = new List<object?> { "一" };
        var map = new ScriptObject { ["items"] = items };
        map.IsReadOnly = true;
        var before = Hash(View(map));

        items.Add("二");

        Assert.NotEqual(before, Hash(View(map)));
    }

    [Fact]
    public void A_view_hashes_the_same_when_walked_twice()
    {
        var strings = Frozen("home", "首页");
        var view = View(strings);
        view["page"] = new ScriptObject { ["path"] = "a/", ["crumbs"] = new List<object?> { 1, "二", null } };

        Assert.Equal(Hash(view), Hash(view));
    }

    [Fact]
    public void A_view_far_larger_than_the_hash_buffer_is_hashed_whole_without_being_held_whole()
    {
        // A listing of every form: here 64 MB of texts, walked in buffers, so its last text still counts.
        var rows = Enumerable.Range(0, 1024).Select(i => (object?)new string((char)('甲' + (i % 10)), 32 * 1024)).ToList();
        var view = new ScriptObject { ["forms"] = rows };
        var before = Hash(view);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(before, Hash(view));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 8 << 20, "the walk gathered the whole view in memory");

        rows[^1] = new string('乙', 32 * 1024);

        Assert.NotEqual(before, Hash(view));
    }

    private static ScriptObject Frozen(string key, string text)
    {
        var nested = new ScriptObject { ["x"] = text };
        nested.IsReadOnly = true;
        var map = new ScriptObject { [key] = text, ["nested"] = nested };
        map.IsReadOnly = true;
        return map;
    }

    private static ScriptObject View(ScriptObject strings) => new() { ["strings"] = strings, ["title"] = "页" };

    private static string Hash(object view)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        ViewHash.Add(hash, view);
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
