using System.Net;
using PerfDisclosure.Build.Authoring;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Authoring;

/// <summary>
/// The serve loop end to end on 127.0.0.1, bounded by <see cref="ServedSite.Limit"/>: a save shows on the page, the
/// terminal prints every finding, the form's page carries the staff panel, the site-wide list and the codes page are
/// served, a draft with errors has its own page beside a site that keeps working, and a missing page is the site's 404.
/// </summary>
public class StaffPreviewTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_save_shows_its_findings_in_the_terminal_and_on_the_page_and_a_draft_with_errors_stands_beside_a_working_site()
    {
        await using var site = new ServedSite();
        await site.Ready();

        // A misspelt 一级指标 (a warning: the build succeeds and the page is served, with its findings).
        var original = File.ReadAllText(site.Form());
        var typo = original.Replace("project_name: 办公设备采购", "project_name: 办公设备采购三期", StringComparison.Ordinal);
        var first = typo.IndexOf("- level1: 产出指标", StringComparison.Ordinal);
        typo = typo[..first] + "- level1: 产出指表" + typo[(first + "- level1: 产出指标".Length)..];
        var line = typo[..first].Count(c => c == '\n') + 1;
        File.WriteAllText(site.Form(), typo);
        await site.Shows("办公设备采购三期");
        var page = await site.Shows("PD0101"); // the findings are the rebuild's once the reload script is told of it

        Assert.Contains(StaffPages.Marker, page);
        var panel = page[page.IndexOf("<aside class=\"pd-staff\"", StringComparison.Ordinal)..page.IndexOf("</aside>", StringComparison.Ordinal)];
        Assert.Contains($"第 {line} 行", panel);
        Assert.Contains($"<a href=\"{StaffPages.CodesPath}#pd0101\">PD0101</a>", panel);
        Assert.Contains("产出指表", panel);
        Assert.Contains($"<a href=\"{StaffPages.FindingsPath}\">", panel);
        Assert.Contains($"<link rel=\"stylesheet\" href=\"{StaffPages.StylePath}\">", page);
        Assert.DoesNotContain("integrated-information-service-platform", panel); // only this form's findings

        // The terminal printed every finding of that rebuild, warnings included, with file:line:column and code.
        await site.Until(() => Task.FromResult(site.Log), log => log.Contains($"office-equipment-purchase.yaml:{line}:", StringComparison.Ordinal), "print the warning");
        Assert.Matches(@"office-equipment-purchase\.yaml:\d+:\d+: warning PD0101: ", site.Log);
        Assert.Matches(@"integrated-information-service-platform\.yaml:13:15: warning PD0007: ", site.Log);

        // The site-wide list links the form's page; the codes page documents the code it links to.
        var findings = await site.Http.GetStringAsync(StaffPages.FindingsPath.TrimStart('/'), Token);
        Assert.Contains($"href=\"/{ServedSite.Page}\"", findings);
        Assert.Contains("PD0101", findings);
        Assert.Contains("PD0007", findings);
        var codes = await site.Http.GetStringAsync(StaffPages.CodesPath.TrimStart('/'), Token);
        Assert.Contains("id=\"pd0101\"", codes);
        Assert.Contains("id=\"pd0002\"", codes);
        Assert.Equal("text/css", (await site.Http.GetAsync(StaffPages.StylePath.TrimStart('/'), Token)).Content.Headers.ContentType?.MediaType);

        // A draft as `new` writes it, with its required fields still blank: its own page lists its errors, the
        // rest of the site is served as before.
        FormScaffold.Create(new FormScaffold.Request(site.Content, Repo.Templates, "shenzhen-target", "sz-futian-investment-promotion", 2025, "office-rent", "办公场地租赁"));
        const string Draft = "sz-futian-investment-promotion/2025/office-rent/";
        var draft = await site.Until(() => site.Http.GetStringAsync(Draft, Token), t => t.Contains("PD0002", StringComparison.Ordinal), "show the draft's errors on its page");
        Assert.Contains("草稿", draft);
        Assert.Contains("class=\"pd-draft\"", draft);
        Assert.Contains("project_code", draft);
        var beside = await site.Http.GetAsync(ServedSite.Page, Token);
        Assert.Equal(HttpStatusCode.OK, beside.StatusCode);
        Assert.Contains("办公设备采购三期", await beside.Content.ReadAsStringAsync(Token));
        Assert.Matches(@"office-rent\.yaml:\d+:\d+: draft-error PD0002: ", site.Log);
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync("", Token)).StatusCode);

        // A missing page is the site's own 404 page, with the reload script.
        var missing = await site.Http.GetAsync("no-such-page/", Token);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var notFound = await missing.Content.ReadAsStringAsync(Token);
        Assert.Contains(Theme.ThemeStrings.Builtin["title.not_found"], notFound);
        Assert.Contains("live-reload.js", notFound);
    }

    [Fact]
    public async Task The_reload_request_is_answered_when_the_next_build_is_done()
    {
        await using var site = new ServedSite();
        await site.Ready();
        int seen;
        Task<string> waiting;
        var tries = 0;
        do
        {
            // Nothing changes: the request waits (a build still settling from the start answers it: ask again).
            seen = site.Server.Version;
            waiting = site.Http.GetStringAsync($"{PreviewServer.Prefix.TrimStart('/')}version?after={seen}", Token);
            await Task.Delay(500, Token);
        }
        while (waiting.IsCompleted && ++tries < 5);
        Assert.False(waiting.IsCompleted);

        File.AppendAllText(site.Form(), "\n");
        var next = await waiting.WaitAsync(ServedSite.Limit, Token);
        Assert.NotEqual(seen.ToString(System.Globalization.CultureInfo.InvariantCulture), next);
        Assert.Contains("after=", await site.Http.GetStringAsync(PreviewServer.Prefix.TrimStart('/') + "live-reload.js", Token));
    }
}
