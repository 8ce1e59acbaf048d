using System.Collections.Concurrent;
using System.Text;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Validation.Rules.Input;
using PerfDisclosure.Core.Validation.Rules.Schema;
using YamlDotNet.RepresentationModel;

namespace PerfDisclosure.Build.Loading;

/// <summary>Loads content/ into the model: site settings, organisations, forms (in parallel) and pages.</summary>
public static class ContentLoader
{
    public static LoadedContent Load(string contentDir, ThemeFiles theme)
    {
        var diagnostics = new DiagnosticBag();
        if (!Directory.Exists(contentDir))
        {
            throw new DirectoryNotFoundException($"content folder not found: {contentDir}");
        }

        var layouts = LoadLayouts(theme, diagnostics);
        var site = Guard(diagnostics, () => LoadSite(contentDir, diagnostics)) ?? SiteSettings.Default;
        var organisations = LoadOrganisations(contentDir, diagnostics);
        var (forms, formHashes) = LoadForms(contentDir, layouts, diagnostics);
        var pages = LoadPages(contentDir, diagnostics);
        return new LoadedContent(site, layouts, organisations, forms, pages, diagnostics.ToList()) { FormHashes = formHashes };
    }

    /// <summary>The relative path used in diagnostics: short, and the same on every machine.</summary>
    public static string DisplayPath(string path) => Path.GetRelativePath(Environment.CurrentDirectory, path).Replace('\\', '/');

    public static string ReadText(string path) => File.ReadAllText(path, Encoding.UTF8);

    /// <summary>A content file's text: size-limited, UTF-8 or a reported GBK/GB18030 (<see cref="ContentText"/>).</summary>
    public static string ReadText(string path, DiagnosticBag diagnostics) => ContentText.Read(path, DisplayPath(path), diagnostics);

    /// <summary>Every layout definition of the theme (site overrides first), by id.</summary>
    public static Dictionary<string, LayoutDefinition> LoadLayouts(ThemeFiles theme, DiagnosticBag diagnostics)
    {
        var layouts = new Dictionary<string, LayoutDefinition>(StringComparer.Ordinal);
        foreach (var name in theme.List("layouts/forms/", ".yaml"))
        {
            var file = theme.Find(name)!;
            if (Guard(diagnostics, () => LayoutReader.Read(file.DisplayPath, file.ReadText(), diagnostics)) is { } layout)
            {
                // Named like its file, so a site's file overrides the theme's of the same name and no two files claim one id.
                var named = Path.GetFileNameWithoutExtension(name);
                if (layout.Id.Length > 0 && layout.Id != named)
                {
                    diagnostics.Report(SchemaRules.BadLayoutDefinition, layout.Places.TryGetValue("id", out var at) ? at : SourceSpan.FileOnly(file.DisplayPath), $"版式 id“{layout.Id}”与文件名 {named}.yaml 不一致", $"The layout id '{layout.Id}' differs from its file name {named}.yaml", $"write id: {named}, or rename the file {layout.Id}.yaml");
                }

                layouts[layout.Id] = layout;
            }
        }

        return layouts;
    }

    private static SiteSettings? LoadSite(string contentDir, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(contentDir, "site.yaml");
        if (!File.Exists(path))
        {
            return null;
        }

        var file = DisplayPath(path);
        var reader = new NodeReader(file, diagnostics);
        var root = reader.Mapping(Yaml.Parse(file, ReadText(path, diagnostics)), "site");
        if (root is null)
        {
            return null;
        }

        string Get(string key, string fallback) => reader.Text(LayoutReader.Child(root, key), key) ?? fallback;
        var defaults = SiteSettings.Default;
        if (LayoutReader.Child(root, "base_url") is { } baseUrl && !SiteSettings.IsSafeBaseUrl(Get("base_url", defaults.BaseUrl)))
        {
            diagnostics.Report(InputRules.UnsafeBaseUrl, reader.At(baseUrl), "base_url 必须以 https://、http:// 或 / 开头", "base_url must start with https://, http:// or /", "e.g. https://budget.example.gov.cn/");
        }

        return new SiteSettings(
            Get("title", defaults.Title),
            Get("description", defaults.Description),
            Get("base_url", defaults.BaseUrl),
            Get("site_name", Get("title", defaults.SiteName)),
            Get("site_domain", defaults.SiteDomain),
            Get("site_id_code", defaults.SiteIdCode),
            Get("content_source", defaults.ContentSource),
            Get("publisher", defaults.Publisher));
    }

    private static Dictionary<string, Organisation> LoadOrganisations(string contentDir, DiagnosticBag diagnostics)
    {
        var organisations = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        var dir = Path.Combine(contentDir, "organisations");
        if (!Directory.Exists(dir))
        {
            return organisations;
        }

        foreach (var path in Directory.EnumerateFiles(dir, "*.yaml").Order(StringComparer.Ordinal))
        {
            var file = DisplayPath(path);
            var organisation = Guard(diagnostics, () =>
            {
                if (!Identifiers.Accept(Path.GetFileNameWithoutExtension(path), file, IdentifierKind.Organisation, diagnostics))
                {
                    return null;
                }

                var reader = new NodeReader(file, diagnostics);
                if (reader.Mapping(Yaml.Parse(file, ReadText(path, diagnostics)), "organisation") is not { } root)
                {
                    diagnostics.Report(SchemaRules.MissingRequired, SourceSpan.FileOnly(file), "机构文件为空", "The organisation file is empty");
                    return null;
                }

                var name = reader.Text(LayoutReader.Child(root, "name"), "name");
                if (name is null)
                {
                    diagnostics.Report(SchemaRules.MissingRequired, reader.At(root), "缺少必填字段 name（名称）", "Missing required field 'name'");
                    return null;
                }

                return new Organisation(Path.GetFileNameWithoutExtension(path), name, reader.Text(LayoutReader.Child(root, "jurisdiction"), "jurisdiction") ?? string.Empty, reader.At(root));
            });
            if (organisation is not null)
            {
                organisations[organisation.Id] = organisation;
            }
        }

        return organisations;
    }

    private static (List<Form> Forms, Dictionary<string, string> Hashes) LoadForms(string contentDir, IReadOnlyDictionary<string, LayoutDefinition> layouts, DiagnosticBag diagnostics)
    {
        var dir = Path.Combine(contentDir, "forms");
        if (!Directory.Exists(dir))
        {
            return ([], []);
        }

        var paths = Directory.EnumerateFiles(dir, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var forms = new Form?[paths.Length];
        var hashes = new string?[paths.Length];
        Parallel.For(0, paths.Length, Parallelism.PerCore, i =>
        {
            var path = paths[i];
            var file = DisplayPath(path);
            var slug = Path.GetFileNameWithoutExtension(path);
            forms[i] = Identifiers.Accept(slug, file, IdentifierKind.Form, diagnostics)
                ? Guard(diagnostics, () => FormReader.Read(file, slug, ContentText.Read(path, file, diagnostics, out hashes[i]), layouts, diagnostics))
                : null;
        });
        var loaded = forms.Select((form, i) => (form, hash: hashes[i])).Where(f => f.form is not null).ToList();
        return ([.. loaded.Select(f => f.form!)], loaded.ToDictionary(f => f.form!.File, f => f.hash!, StringComparer.Ordinal));
    }

    private static List<Page> LoadPages(string contentDir, DiagnosticBag diagnostics)
    {
        var dir = Path.Combine(contentDir, "pages");
        if (!Directory.Exists(dir))
        {
            return [];
        }

        var pages = new List<Page>();
        foreach (var path in Directory.EnumerateFiles(dir, "*.md").Order(StringComparer.Ordinal))
        {
            var file = DisplayPath(path);
            var slug = Path.GetFileNameWithoutExtension(path);
            var page = Identifiers.Accept(slug, file, IdentifierKind.Page, diagnostics)
                ? Guard(diagnostics, () => PageReader.Read(file, slug, ReadText(path, diagnostics), diagnostics))
                : null;
            if (page is not null)
            {
                pages.Add(page);
            }
        }

        return pages;
    }

    private static T? Guard<T>(DiagnosticBag diagnostics, Func<T?> load)
        where T : class
    {
        try
        {
            return load();
        }
        catch (ContentException e)
        {
            diagnostics.Add(e.Diagnostic);
            return null;
        }
    }
}
