using System.Text.RegularExpressions;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests;

/// <summary>
/// A site on a layout that is in no folder of the repository, written into a temporary folder: the 乙省 example
/// (docs/examples/province-b-self-evaluation) with every field and column key renamed to one no seed or example
/// uses, its labels reworded, its layout and scoring files given other ids, and its 评分等级 bands moved. Tests that
/// must hold on "any layout" run on it beside the seeds and the examples, so that nothing they check can come from
/// a name the code or the built-in theme knows.
/// </summary>
public static partial class OwnLayoutSite
{
    public const string Name = "own-layout";

    public const string LayoutId = "zz-own-self-evaluation";

    /// <summary>The example's key → this layout's key (level1/2/3, layout, year and indicators are the format's own).</summary>
    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        ["project_name"] = "xm_mc",
        ["department"] = "zg_bm",
        ["implementing_unit"] = "ss_dw",
        ["funds"] = "zj_qk",
        ["total"] = "zj_hj",
        ["budget"] = "ys_s",
        ["spent"] = "zx_s",
        ["weight"] = "fz_v",
        ["rate"] = "zx_l",
        ["score"] = "df_v",
        ["goal"] = "zt_mb",
        ["outcome"] = "wc_qk",
        ["total_weight"] = "fz_hj",
        ["total_score"] = "zf_v",
        ["grade"] = "pf_dj",
        ["nature"] = "zb_xz",
        ["target"] = "nd_zbz",
        ["measure"] = "dl_dw",
        ["actual"] = "sj_wcz",
        ["deviation"] = "pc_yy",
    };

    /// <summary>Printed labels reworded, so that no column header a test finds is the example's.</summary>
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["label: 全年预算数"] = "label: 年初预算数",
        ["label: 全年执行数"] = "label: 实际支出数",
        ["label: 实际完成值"] = "label: 全年实际值",
        ["label: 偏差原因分析及改进措施"] = "label: 未完成原因及整改措施",
        ["label: 年度总体目标"] = "label: 项目总体目标",
        ["title: 项目支出绩效自评表"] = "title: 部门项目绩效自评结果表",
    };

    private static readonly Lazy<(string Content, string Templates)> Made = new(Make);

    /// <summary>The site's content folder (made on first use, once per test run).</summary>
    public static string Content => Made.Value.Content;

    /// <summary>The site's templates folder: its layout, the layout's template and its scoring file.</summary>
    public static string Templates => Made.Value.Templates;

    private static (string Content, string Templates) Make()
    {
        var example = Path.Combine(Repo.Root, "docs", "examples", "province-b-self-evaluation");
        var root = Repo.TempDir(Name);
        var content = Path.Combine(root, "content");
        var templates = Path.Combine(root, "templates");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(example, "content"), "*.yaml", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            if (file.Contains(Path.DirectorySeparatorChar + "forms" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                text = FormKeys().Replace(text, m => Keys.GetValueOrDefault(m.Value, m.Value)).Replace("layout: province-b-self-evaluation", "layout: " + LayoutId, StringComparison.Ordinal);
            }

            Write(Path.Combine(content, Path.GetRelativePath(Path.Combine(example, "content"), file)), text);
        }

        var layouts = Path.Combine(example, "templates", "layouts", "forms");
        var layout = LayoutKeys().Replace(File.ReadAllText(Path.Combine(layouts, "province-b-self-evaluation.yaml")), m => Keys.GetValueOrDefault(m.Value, m.Value));
        layout = Labels.Aggregate(layout, (t, l) => t.Replace(l.Key, l.Value, StringComparison.Ordinal))
            .Replace("id: province-b-self-evaluation", "id: " + LayoutId, StringComparison.Ordinal)
            .Replace("scoring: province-b", "scoring: zz-own", StringComparison.Ordinal)
            .Replace("owner: implementing_unit", "owner: " + Keys["implementing_unit"], StringComparison.Ordinal)
            .Replace("amount: funds.total.budget", $"amount: {Keys["funds"]}.{Keys["total"]}.{Keys["budget"]}", StringComparison.Ordinal);
        Write(Path.Combine(templates, "layouts", "forms", LayoutId + ".yaml"), layout);

        // The template names fields after a dot (form.f.KEY, labels.KEY): rename those.
        var template = TemplateKeys().Replace(File.ReadAllText(Path.Combine(layouts, "province-b-self-evaluation.sbn-html")), m => Keys.GetValueOrDefault(m.Value, m.Value));
        Write(Path.Combine(templates, "layouts", "forms", LayoutId + ".sbn-html"), template);

        var scoring = File.ReadAllText(Path.Combine(example, "templates", "scoring", "province-b.yaml"))
            .Replace("id: province-b", "id: zz-own", StringComparison.Ordinal)
            .Replace("{name: 优, min: 90}", "{name: 优, min: 95}", StringComparison.Ordinal)
            .Replace("{name: 良, min: 80}", "{name: 良, min: 85}", StringComparison.Ordinal)
            .Replace("{name: 中, min: 60}", "{name: 中, min: 70}", StringComparison.Ordinal);
        Write(Path.Combine(templates, "scoring", "zz-own.yaml"), scoring);
        return (content, templates);
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>A key as YAML writes it: a word followed by a colon, not inside another word or an id.</summary>
    [GeneratedRegex(@"(?<![\w-])[a-z_]+(?=:)")]
    private static partial Regex FormKeys();

    /// <summary>A key as a layout declares it: the word after <c>key: </c>.</summary>
    [GeneratedRegex(@"(?<=\bkey: )[a-z_]+")]
    private static partial Regex LayoutKeys();

    /// <summary>A key as a template writes it: a word right after a dot (form.f.KEY, labels.KEY), not a view property (form.NAME).</summary>
    [GeneratedRegex(@"(?<=\.)(?<!\bform\.)[a-z_]+\b")]
    private static partial Regex TemplateKeys();
}
