using System.Collections.Concurrent;
using System.Text;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Validation.Rules.Input;
using PerfDisclosure.Core.Validation.Rules.Schema;

namespace PerfDisclosure.Build.Loading;

/// <summary>Loads content/ into the model: site settings, organisations, forms (in parallel) and pages.</summary>
public static class ContentLoader
{
    public static LoadedContent Load(string contentDir, ThemeFiles theme) => Load(contentDir, theme, null);

    /// <param name="memory">What the last load of this process parsed (<c>serve</c>): unchanged form files are not parsed again.</param>
    public static LoadedContent Load(string contentDir, ThemeFiles theme, Caching.ParseMemory? memory)
    {
        var diagnostics = new DiagnosticBag();
        if (!Directory.Exists(contentDir))
        {
            throw new Reporting.BilingualIOException($"找不到内容文件夹：{contentDir}", $"content folder not found: {contentDir}");
        }

        // One walk decides which files can be read (SourceTree): links leading outside, loops and special files
        // are refused here, for content/ and the site's templates alike.
        var tree = SourceTree.Read(contentDir);
        foreach (var refused in tree.Refused.Concat(theme.Refused))
        {
            diagnostics.Add(refused);
        }

        var layouts = LoadLayouts(theme, diagnostics);
        var strings = Guard(diagnostics, () => ThemeStrings.Load(theme, diagnostics)) ?? ThemeStrings.Builtin;
        var defaults = SiteSettings.Defaults(strings);
        var siteFile = tree.Files.FirstOrDefault(f => SiteFileNames.Contains(f.Name, StringComparer.OrdinalIgnoreCase));
        var site = (siteFile is null ? null : Guard(diagnostics, () => LoadSite(siteFile.Path, defaults, diagnostics))) ?? defaults;
        var organisationFiles = tree.In("organisations", recursive: false, YamlEndings).ToList();
        var formFiles = tree.In("forms", recursive: true, YamlEndings).ToList();
        var organisations = LoadOrganisations(organisationFiles, diagnostics);
        memory?.Begin(theme);
        var (forms, formHashes, drafts) = LoadForms(formFiles, layouts, diagnostics, memory);
        var pages = LoadPages(tree.In("pages", recursive: false, ".md"), diagnostics);
        WarnStrayYaml(tree, [siteFile, .. organisationFiles, .. formFiles], diagnostics);
        return new LoadedContent(site, layouts, organisations, forms, pages, diagnostics.ToList()) { FormHashes = formHashes, Strings = strings, Drafts = drafts };
    }

    /// <summary>YAML content files are read whichever of the two usual endings they have, in any case.</summary>
    public static readonly string[] YamlEndings = [".yaml", ".yml"];

    private static readonly string[] SiteFileNames = ["site.yaml", "site.yml"];

    /// <summary>The relative path used in diagnostics: short, and the same on every machine.</summary>
    public static string DisplayPath(string path) => DisplayPath(path, Environment.CurrentDirectory);

    /// <summary>As <see cref="DisplayPath(string)"/> from a working folder asked once for many files (each ask is a system call).</summary>
    public static string DisplayPath(string path, string workingFolder) => Path.GetRelativePath(workingFolder, path).Replace('\\', '/');

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
                    diagnostics.Report(SchemaRules.BadLayoutDefinition, layout.Places.TryGetValue("id", out var at) ? at : SourceSpan.FileOnly(file.DisplayPath), $"版式 id“{layout.Id}”与文件名 {named}.yaml 不一致", $"The layout id '{layout.Id}' differs from its file name {named}.yaml", new($"改为 id: {named}，或把文件改名为 {layout.Id}.yaml", $"write id: {named}, or rename the file {layout.Id}.yaml"));
                }

                layouts[layout.Id] = layout;
            }
        }

        return layouts;
    }

    private static SiteSettings? LoadSite(string path, SiteSettings defaults, DiagnosticBag diagnostics)
    {
        var file = DisplayPath(path);
        var reader = new NodeReader(file, diagnostics);
        var root = reader.Mapping(Yaml.Parse(file, ReadText(path, diagnostics)), "site");
        if (root is null)
        {
            return null;
        }

        string Get(string key, string fallback) => reader.Text(LayoutReader.Child(root, key), key) ?? fallback;
        if (LayoutReader.Child(root, "base_url") is { } baseUrl && !SiteSettings.IsSafeBaseUrl(Get("base_url", defaults.BaseUrl)))
        {
            diagnostics.Report(InputRules.UnsafeBaseUrl, reader.At(baseUrl), SiteSettings.BaseUrlRuleZh, SiteSettings.BaseUrlRule, new("例如 https://budget.example.gov.cn/", "e.g. https://budget.example.gov.cn/"));
        }

        return new SiteSettings(
            Get("title", defaults.Title),
            Get("description", defaults.Description),
            Get("base_url", defaults.BaseUrl),
            Get("site_name", Get("title", defaults.SiteName)),
            Get("site_domain", defaults.SiteDomain),
            Get("site_id_code", defaults.SiteIdCode),
            Get("content_source", defaults.ContentSource),
            Get("publisher", defaults.Publisher),
            Get("publisher_type", defaults.PublisherType),
            Get("licence", defaults.Licence),
            // A site that names its own licence names it; the theme's name belongs to the theme's licence.
            Get("licence_name", LayoutReader.Child(root, "licence") is null ? defaults.LicenceName : Get("licence", defaults.Licence)),
            Get("contact_email", defaults.ContactEmail));
    }

    private static Dictionary<string, Organisation> LoadOrganisations(IEnumerable<SourceFile> files, DiagnosticBag diagnostics)
    {
        var organisations = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        foreach (var path in files.Select(f => f.Path))
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

    private static (List<Form> Forms, Dictionary<string, string> Hashes, HashSet<string> Drafts) LoadForms(IEnumerable<SourceFile> files, IReadOnlyDictionary<string, LayoutDefinition> layouts, DiagnosticBag diagnostics, Caching.ParseMemory? memory)
    {
        var paths = files.Select(f => f.Path).ToArray();
        var forms = new Form?[paths.Length];
        var hashes = new string?[paths.Length];
        var draft = new bool[paths.Length];
        var here = Environment.CurrentDirectory;
        var shown = Array.ConvertAll(paths, path => DisplayPath(path, here));
        Parallel.For(0, paths.Length, Parallelism.PerCore, i =>
        {
            var reading = memory is null ? null : Remembered(paths[i], shown[i], layouts, diagnostics, memory);
            (forms[i], hashes[i], draft[i]) = reading is null
                ? LoadForm(paths[i], shown[i], layouts, diagnostics, DateOnly.FromDateTime(File.GetLastWriteTimeUtc(paths[i])))
                : (reading.Form, reading.Hash, reading.Draft);
        });
        memory?.Retain(paths.Select((p, i) => MemoryKey(p, shown[i])).ToHashSet(StringComparer.Ordinal));
        var loaded = forms.Select((form, i) => (form, hash: hashes[i])).Where(f => f.form is not null).ToList();
        var drafts = shown.Where((_, i) => draft[i]).ToHashSet(StringComparer.Ordinal);
        return ([.. loaded.Select(f => f.form!)], loaded.ToDictionary(f => f.form!.File, f => f.hash!, StringComparer.Ordinal), drafts);
    }

    /// <summary>One form file read into a form, reporting what is wrong with it; <paramref name="fileDate"/> is its modification day.</summary>
    private static (Form? Form, string? Hash, bool Draft) LoadForm(string path, string file, IReadOnlyDictionary<string, LayoutDefinition> layouts, DiagnosticBag diagnostics, DateOnly fileDate)
    {
        var (text, hash) = ReadForm(path, file, diagnostics);
        var (form, draft) = text is null ? (null, false) : ParseForm(path, file, text, layouts, diagnostics, fileDate);
        return (form, hash, draft);
    }

    /// <summary>A form file's text and the SHA-256 of its bytes; no text when its name or bytes are refused (reported).</summary>
    private static (string? Text, string? Hash) ReadForm(string path, string file, DiagnosticBag diagnostics)
    {
        if (!Identifiers.Accept(Path.GetFileNameWithoutExtension(path), file, IdentifierKind.Form, diagnostics))
        {
            return (null, null);
        }

        string? hash = null;
        var text = Guard(diagnostics, () => ContentText.Read(path, file, diagnostics, out hash));
        return (text, hash);
    }

    private static (Form? Form, bool Draft) ParseForm(string path, string file, string text, IReadOnlyDictionary<string, LayoutDefinition> layouts, DiagnosticBag diagnostics, DateOnly fileDate)
    {
        var draft = false;
        var form = Guard(diagnostics, () => FormReader.Read(file, Path.GetFileNameWithoutExtension(path), text, layouts, diagnostics, out draft));

        // The file's own date: the real date left for a form that names neither published nor updated.
        return (form is null ? null : form with { FileDate = fileDate }, draft);
    }

    /// <summary>
    /// A form file through <paramref name="memory"/>: the last load's reading when the file is unchanged (same size
    /// and time, else same bytes), else parsed now and remembered; either way its diagnostics are reported.
    /// </summary>
    private static Caching.ParseMemory.Reading Remembered(string path, string file, IReadOnlyDictionary<string, LayoutDefinition> layouts, DiagnosticBag diagnostics, Caching.ParseMemory memory)
    {
        var key = MemoryKey(path, file);
        var info = new FileInfo(path);
        var reading = memory.Unchanged(key, info);
        if (reading is null)
        {
            var own = new DiagnosticBag();
            var fileDate = DateOnly.FromDateTime(info.LastWriteTimeUtc);
            var (text, hash) = ReadForm(path, file, own);
            if (hash is not null && memory.SameBytes(key, hash) is { } same)
            {
                // Touched, not changed: the same form, dated by the file's new time.
                reading = same with { Length = info.Length, Modified = info.LastWriteTimeUtc, Form = same.Form is null ? null : same.Form with { FileDate = fileDate } };
                memory.Keep(key, reading, fresh: false);
            }
            else
            {
                var (form, draft) = text is null ? (null, false) : ParseForm(path, file, text, layouts, own, fileDate);
                reading = new(info.Length, info.LastWriteTimeUtc, hash ?? string.Empty, form, draft, own.ToList());
                memory.Keep(key, reading, fresh: true);
            }
        }

        foreach (var diagnostic in reading.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        return reading;
    }

    /// <summary>A form file's entry in the parse memory: its path and the path its diagnostics name (which follows the working folder).</summary>
    private static string MemoryKey(string path, string file) => path + "\n" + file;

    private static List<Page> LoadPages(IEnumerable<SourceFile> files, DiagnosticBag diagnostics)
    {
        var pages = new List<Page>();
        foreach (var path in files.Select(f => f.Path))
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

    /// <summary>A YAML file where no form, organisation or site setting is read is a warning, never silently ignored (a form saved one folder too high).</summary>
    private static void WarnStrayYaml(SourceTree tree, IEnumerable<SourceFile?> read, DiagnosticBag diagnostics)
    {
        var taken = read.OfType<SourceFile>().Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var stray in tree.In(string.Empty, recursive: true, YamlEndings).Where(f => !taken.Contains(f.Name)))
        {
            diagnostics.Report(InputRules.StrayYaml, SourceSpan.FileOnly(DisplayPath(stray.Path)), "这个 YAML 文件所在的位置不会读取表单、机构或网站设置，未读取", "No form, organisation or site setting is read from here; the file was not read", new("表单放在 forms/<organisation>/<year>/ 下，机构放在 organisations/ 下，网站设置写在 site.yaml 中", "forms go under forms/<organisation>/<year>/, organisations under organisations/, settings in site.yaml"));
        }
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
