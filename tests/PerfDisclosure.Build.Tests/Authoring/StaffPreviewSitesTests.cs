using System.Net;
using PerfDisclosure.Build.Authoring;
using PerfDisclosure.Build.Tests.Browser;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Authoring;

/// <summary>
/// The serve loop of <see cref="StaffPreviewTests"/> on every example site under docs/examples and on
/// <see cref="OwnLayoutSite"/> (a layout in no folder of the repository), each with its own templates: a save with a
/// misspelt 一级指标 shows the change, the terminal prints the finding at file:line:column, the form's staff panel lists
/// it at its line with a link to the code's documentation and to the site-wide list, and a draft scaffolded with
/// <c>new</c> on the site's layout shows its own errors on its own page while the form beside it is served.
/// </summary>
public class StaffPreviewSitesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> Sites() => [.. ReadingSite.All.Where(s => s.Name != "content").Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task A_save_shows_its_finding_in_the_terminal_and_the_staff_panel_and_a_draft_stands_beside_the_site(string name)
    {
        var reading = ReadingSite.All.Single(s => s.Name == name);
        var entry = reading.Model().Forms.First(f => File.ReadAllText(f.Form.File).Contains("level1: 产出指标", StringComparison.Ordinal));
        var root = Repo.TempDir("served-" + name);
        var content = Repo.CopyTree(Path.Combine(root, "content"), reading.Content);
        var file = Path.Combine(content, Path.GetRelativePath(reading.Content, entry.Form.File));
        await using var site = ServedSite.Over(content, Path.Combine(root, "site"), reading.Templates);
        await site.Until(() => site.Http.GetAsync(entry.Path, Token), r => r.StatusCode == HttpStatusCode.OK, "serve its first build");

        // A misspelt 一级指标 (PD0101, a warning): the page is served with the change and its finding.
        var text = File.ReadAllText(file);
        var at = text.IndexOf("level1: 产出指标", StringComparison.Ordinal);
        var line = text[..at].Count(c => c == '\n') + 1;
        var column = at - text.LastIndexOf('\n', at) + "level1: ".Length;
        var title = entry.Form.ProjectName + "（改）";
        text = text[..at] + "level1: 产出指表" + text[(at + "level1: 产出指标".Length)..];
        File.WriteAllText(file, text.Replace(entry.Form.ProjectName, title, StringComparison.Ordinal));
        var page = await site.Until(() => site.Http.GetStringAsync(entry.Path, Token), t => t.Contains(title, StringComparison.Ordinal) && t.Contains("PD0101", StringComparison.Ordinal), "show the change and its finding");

        var panel = page[page.IndexOf("<aside class=\"pd-staff\"", StringComparison.Ordinal)..];
        panel = panel[..panel.IndexOf("</aside>", StringComparison.Ordinal)];
        Assert.Contains($"第 {line} 行", panel);
        Assert.Contains($"<a href=\"{StaffPages.CodesPath}#pd0101\">PD0101</a>", panel);
        Assert.Contains("产出指表", panel);
        Assert.Contains("产出指标", panel); // the nearest valid name, suggested
        Assert.Contains($"<a href=\"{StaffPages.FindingsPath}\">", panel);
        await site.Until(() => Task.FromResult(site.Log), log => log.Contains($"{Path.GetFileName(file)}:{line}:{column}: warning PD0101: ", StringComparison.Ordinal), "print the warning at its file, line and column");
        var findings = await site.Http.GetStringAsync(StaffPages.FindingsPath.TrimStart('/'), Token);
        Assert.Contains($"href=\"/{entry.Path}\"", findings);

        // A draft as `new` writes it on the site's own layout: its page lists its errors, the form beside it is served.
        var year = entry.Form.Year + 1;
        FormScaffold.Create(new FormScaffold.Request(content, reading.Templates, entry.Layout.Id, entry.Owner.Id, year, "draft-preview", "草稿预览项目"));
        var draftPath = $"{entry.Owner.Id}/{year}/draft-preview/";
        var draft = await site.Until(() => site.Http.GetStringAsync(draftPath, Token), t => t.Contains("PD0002", StringComparison.Ordinal), "show the draft's errors on its page");
        Assert.Contains("class=\"pd-draft\"", draft);
        Assert.Matches(@"draft-preview\.yaml:\d+:\d+: draft-error PD0002: ", site.Log);
        var beside = await site.Http.GetAsync(entry.Path, Token);
        Assert.Equal(HttpStatusCode.OK, beside.StatusCode);
        Assert.Contains(title, await beside.Content.ReadAsStringAsync(Token));
    }
}
