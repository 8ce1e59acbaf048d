using System.Security.Cryptography;
using System.Text;
using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Theme;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Stages;

/// <summary>
/// site/404.html, which web servers show for any missing address. It can be served at any depth, so unlike
/// other pages its links start from the base URL's path (a relative link would resolve against the missing
/// address), with no host: the page works on any host serving the site at that path. Its style sheet is inlined
/// and a small script (assets/not-found.js, inlined too) turns the links relative when the file is opened from
/// disk, or host-rooted when served under another path; both are allowed by their hashes in the page's
/// Content-Security-Policy, so nothing depends on where the page is served from.
/// </summary>
public sealed class NotFoundPageStage : IOutputStage
{
    public string Name => "404";

    public void Run(BuildContext context)
    {
        var settings = context.Site.Settings;
        var baseUrl = settings.BaseUrl.EndsWith('/') ? settings.BaseUrl : settings.BaseUrl + "/";
        var root = Uri.TryCreate(baseUrl, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute.AbsolutePath : baseUrl;
        var title = context.Site.Strings["title.not_found"];
        var home = PageContext.Home(context.Site);
        var globals = PageContext.Globals(context.Site, SitePaths.Home, title, [home, new(title, SitePaths.Home)]);
        var page = (ScriptObject)globals["page"]!;
        page["root"] = Html.Escape(root);
        page["canonical"] = Html.Escape(baseUrl + "404.html");
        var style = Inline(context, "assets/site.css");
        var script = Inline(context, "assets/not-found.js");
        page["inline_style"] = style;
        page["inline_script"] = script;
        page["csp_style"] = " " + Hash(style);
        page["csp_script"] = " " + Hash(script);
        page["breadcrumbs"] = new List<ScriptObject>
        {
            new() { ["title"] = Html.Escape(home.Title), ["href"] = Html.Escape(root + "index.html"), ["current"] = false },
            new() { ["title"] = Html.Escape(title), ["href"] = Html.Escape(root + "404.html"), ["current"] = true },
        };
        globals.Remove("href");
        globals.Import("href", new Func<string, string>(to => Html.Escape(root + (to.Length == 0 || to.EndsWith('/') ? to + "index.html" : to))));
        context.Cache.Write(context.Writer, "404.html", new PageView("layouts/404.sbn-html", globals, "404.html"), context.Renderer);
    }

    /// <summary>A theme file's text for a &lt;style&gt; or &lt;script&gt; element: "&lt;/" cannot end the element early.</summary>
    private static string Inline(BuildContext context, string name) =>
        (context.Theme.Find(name) ?? ThemeFiles.BuiltinFile(name)).ReadText().Replace("</", "<\\/", StringComparison.Ordinal);

    /// <summary>A Content-Security-Policy source allowing exactly this inline element's text.</summary>
    private static string Hash(string text) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}'";
}
