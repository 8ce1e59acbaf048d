using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Site;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Stages;

/// <summary>
/// site/404.html, which web servers show for any missing address. It can be served at any depth, so unlike
/// other pages its links are absolute, from the base URL (a relative link would resolve against the missing address).
/// </summary>
public sealed class NotFoundPageStage : IOutputStage
{
    public string Name => "404";

    public void Run(BuildContext context)
    {
        var settings = context.Site.Settings;
        var root = settings.BaseUrl.EndsWith('/') ? settings.BaseUrl : settings.BaseUrl + "/";
        var title = context.Site.Strings["title.not_found"];
        var home = PageContext.Home(context.Site);
        var globals = PageContext.Globals(context.Site, SitePaths.Home, title, [home, new(title, SitePaths.Home)]);
        var page = (ScriptObject)globals["page"]!;
        page["root"] = Html.Escape(root);
        page["canonical"] = Html.Escape(root + "404.html");
        page["breadcrumbs"] = new List<ScriptObject>
        {
            new() { ["title"] = Html.Escape(home.Title), ["href"] = Html.Escape(root + "index.html"), ["current"] = false },
            new() { ["title"] = Html.Escape(title), ["href"] = Html.Escape(root + "404.html"), ["current"] = true },
        };
        globals.Remove("href");
        globals.Import("href", new Func<string, string>(to => Html.Escape(root + (to.Length == 0 || to.EndsWith('/') ? to + "index.html" : to))));
        context.Cache.Write(context.Writer, "404.html", new PageView("layouts/404.sbn-html", globals, "404.html"), context.Renderer);
    }
}
