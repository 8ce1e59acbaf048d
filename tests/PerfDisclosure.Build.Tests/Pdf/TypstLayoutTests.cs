using System.Text;
using System.Text.RegularExpressions;
using PerfDisclosure.Build.Pdf;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Pdf;

/// <summary>
/// Form tables of layouts other than the seeds' (written here: two header rows in a <c>thead</c> or at the top of
/// the indicator body, a label merged over header and rows, rows of text after the indicator table), typeset by the
/// real engine and read back page by page with pdftotext.
/// </summary>
public partial class TypstLayoutTests
{
    private static readonly PrintWords Words = PrintWords.From(ThemeStrings.Builtin);

    private static readonly DateTimeOffset Date = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How the two header rows are written.</summary>
    public enum Header
    {
        /// <summary>A <c>thead</c> of two rows (a column group over its columns), the body after it.</summary>
        Thead,

        /// <summary>Two rows of <c>th scope="col"</c> at the top of the indicator body, as the seed templates write one.</summary>
        BodyRows,

        /// <summary>As <see cref="BodyRows"/>, with a 绩效指标 label merged over the header and every row.</summary>
        MergedLabel,

        /// <summary>A body of the two header rows only, then the indicator body: what the partial indicator-table writes.</summary>
        HeaderBody,
    }

    [Theory]
    [InlineData(Header.Thead, false)]
    [InlineData(Header.BodyRows, false)]
    [InlineData(Header.MergedLabel, false)]
    [InlineData(Header.HeaderBody, false)]
    [InlineData(Header.Thead, true)]
    [InlineData(Header.MergedLabel, true)]
    public void Every_page_with_indicator_rows_starts_with_all_header_rows_and_no_header_stands_alone(Header header, bool landscape)
    {
        var pdf = Typeset(Table(header, rows: 70, trailing: 30), landscape);
        var pages = Pages(pdf);
        Assert.True(pages.Count >= 3, $"{pages.Count} page(s)");
        var trailingOnly = 0;
        foreach (var (page, number) in pages.Select((t, i) => (t, i + 1)))
        {
            var text = Squeeze(page);
            var lines = Layout(pdf, number);
            var firstRow = lines.FindIndex(l => FirstIndicatorRow().IsMatch(l));
            var hasHeader = text.Contains("年度指标值", StringComparison.Ordinal) || text.Contains("指标名称", StringComparison.Ordinal);
            if (firstRow >= 0)
            {
                // Both header rows, above the first indicator row of the page.
                foreach (var word in new[] { "一级指标", "指标值", "指标名称", "计量单位", "年度指标值" })
                {
                    var at = lines.FindIndex(l => l.Contains(word, StringComparison.Ordinal));
                    Assert.True(at >= 0 && at < firstRow, $"page {number}: '{word}' not above the first indicator row");
                }
            }
            else
            {
                // No header without a row under it: rows after the indicator table never get the header.
                Assert.False(hasHeader, $"page {number} shows the indicator header without an indicator row");
                if (text.Contains("存在问题", StringComparison.Ordinal))
                {
                    trailingOnly++;
                }
            }

            Assert.Contains($"第{number}页共{pages.Count}页", text, StringComparison.Ordinal);
        }

        Assert.True(trailingOnly > 0, "the rows after the indicator table should run onto a page of their own in this test");
        // Every row, and every trailing row, is printed once.
        var all = string.Concat(pages.Select(Squeeze));
        Assert.All(Enumerable.Range(1, 70), i => Assert.Single(Regex.Matches(all, $"三级指标第{i}项(?!\\d)")));
        Assert.All(Enumerable.Range(1, 30), i => Assert.Single(Regex.Matches(all, $"存在问题第{i}条(?!\\d)")));
    }

    [Theory]
    [InlineData(Header.Thead)]
    [InlineData(Header.BodyRows)]
    [InlineData(Header.HeaderBody)]
    public void A_long_group_breaks_across_pages_with_its_merged_label_repeated_and_continued(Header header)
    {
        var pages = Pages(Typeset(Table(header, rows: 70, trailing: 0), landscape: false)).Select(Squeeze).ToList();
        Assert.Contains("产出指标", pages[0], StringComparison.Ordinal);
        Assert.DoesNotContain("（续）", pages[0], StringComparison.Ordinal);
        var continued = Words.Continued.Replace("{label}", "产出指标", StringComparison.Ordinal);
        Assert.All(pages.Skip(1).Where(p => FirstIndicatorRow().IsMatch(p)), p => Assert.Contains(continued, p, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Header.Thead)]
    [InlineData(Header.BodyRows)]
    [InlineData(Header.MergedLabel)]
    [InlineData(Header.HeaderBody)]
    public void A_form_that_fits_on_one_page_is_not_split(Header header)
    {
        var pages = Pages(Typeset(Table(header, rows: 6, trailing: 2), landscape: true));
        var text = Squeeze(Assert.Single(pages));
        Assert.Contains("三级指标第6项", text, StringComparison.Ordinal);
        Assert.Contains("存在问题第2条", text, StringComparison.Ordinal);
        Assert.DoesNotContain("（续）", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_in_narrow_columns_never_break_inside()
    {
        var pages = Pages(Typeset(Table(Header.Thead, rows: 6, trailing: 0), landscape: false));
        var lines = pages[0].Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains("不适用", lines);
        Assert.Contains("≥30.00(个)", lines);
    }

    [Fact]
    public void Header_rows_are_tagged_th_in_the_tables_thead()
    {
        var pdf = Typeset(Table(Header.Thead, rows: 6, trailing: 1), landscape: false);
        var structure = Poppler.Run("pdfinfo", ["-struct", pdf]);
        var head = structure[structure.IndexOf("THead", StringComparison.Ordinal)..structure.IndexOf("TBody", StringComparison.Ordinal)];
        Assert.Equal(2, Regex.Count(head, @"^\s*TR\b", RegexOptions.Multiline));
        Assert.DoesNotContain(" TD", head, StringComparison.Ordinal);
        Assert.True(Regex.Count(head, @"^\s*TH\b", RegexOptions.Multiline) >= 6);
    }

    [Theory]
    [InlineData(Header.Thead)]
    [InlineData(Header.BodyRows)]
    [InlineData(Header.MergedLabel)]
    [InlineData(Header.HeaderBody)]
    public void Every_th_of_the_body_is_tagged_th_with_its_scope_and_every_td_td(Header header)
    {
        var html = Table(header, rows: 40, trailing: 2);
        var pdf = Typeset(html, landscape: false);
        var plain = Path.ChangeExtension(pdf, ".qdf.pdf");
        Poppler.Run("qpdf", ["--qdf", "--object-streams=disable", pdf, plain]);
        var elements = StructElement().Matches(File.ReadAllText(plain, Encoding.Latin1)).Select(m => m.Groups[1].Value).ToList();
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var rowHeaders = document.QuerySelectorAll("tbody th[scope=row], tbody th[scope=rowgroup]").Select(th => th.TextContent).ToList();
        Assert.NotEmpty(rowHeaders);

        // In the tagged text each cell's text follows its tag: a row header's under a TH with /Scope /Row, a value's under a TD.
        var cells = TaggedCells(Poppler.Run("pdfinfo", ["-struct-text", pdf]));
        // (A label merged over the header rows as well, 绩效指标, starts in the repeated header: Typst's TH, scope Column.)
        Assert.All(rowHeaders.Distinct(), text => Assert.Contains(cells, c => c.Tag == "TH" && c.Text == Squeeze(text)));
        Assert.All(new[] { "项目名称", "产出指标", "数量指标", "存在问题第1条" }, text => Assert.Contains(cells, c => c.Tag == "TH" && c.Scope == "Row" && c.Text == text));
        Assert.All(document.QuerySelectorAll("td").Select(td => Squeeze(td.TextContent)).Where(t => t.Length > 0).Distinct(), text =>
            Assert.All(cells.Where(c => c.Text == text), c => Assert.Equal("TD", c.Tag)));

        // A TH for every th piece, no more: the data cells stay TD; qpdf finds the file sound.
        var th = document.QuerySelectorAll("th").Count;
        Assert.True(elements.Count(e => e == "TH") >= th, $"{elements.Count(e => e == "TH")} TH for {th} th");
        Assert.Equal(document.QuerySelectorAll("td").Count, elements.Count(e => e == "TD"));
        Assert.Contains("No syntax or stream encoding errors", Poppler.Run("qpdf", ["--check", pdf]), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_goes_in_as_text_never_as_typst_markup()
    {
        const string hostile = "\"]#panic(\"x\") \\ *粗* $x$ <lbl> @ref // 注释 /* 块 */ #{1+1} `raw`";
        var html = $"<main><table class=\"official-form\"><caption>表</caption><tbody><tr><th scope=\"row\">名称</th><td>{System.Net.WebUtility.HtmlEncode(hostile)}</td></tr></tbody></table></main>";
        var pdf = Typeset(html, landscape: false);
        Assert.Contains(Squeeze(hostile), Squeeze(Poppler.Text(pdf)), StringComparison.Ordinal);
    }

    /// <summary>
    /// The engine reads no file whatever a document names: not its own folder, not a path past its root, not an
    /// absolute path of the machine (docs/security.md). The documents the build writes name none (every text is a
    /// literal); this holds the engine to it should one ever do.
    /// </summary>
    [Theory]
    [InlineData("#read(\"/worker.js\")")]
    [InlineData("#read(\"worker.js\")")]
    [InlineData("#read(\"../worker.js\")")]
    [InlineData("#read(\"/../../../../../../etc/passwd\")")]
    [InlineData("#image(\"/proc/self/environ\")")]
    public void The_engine_reads_no_file_a_document_names(string source)
    {
        var (folder, node, reason) = TypstEngine.Find();
        if (folder is null || node is null)
        {
            Assert.True(!Repo.InCi, $"the PDF engine ({TypstEngine.InstallHint}) is needed: {reason} (.ci/run installs it)");
            Assert.Skip($"the PDF engine ({TypstEngine.InstallHint}) is needed: {reason}");
        }

        Assert.True(File.Exists(Path.Combine(folder, "worker.js")));
        var printed = false;
        var refused = Assert.Throws<TypstException>(() =>
            TypstPrinter.Print(folder, node, [new TypstJob("test.pdf", source, "k", Date)], 1, (_, _, _) => printed = true));
        Assert.False(printed);
        Assert.Equal("test.pdf", refused.SitePath);
        Assert.Matches("file not found|access denied", refused.Reason);
    }

    /// <summary>
    /// The layout's <c>print.columns</c> set the columns' widths: where the second column's text starts on the page
    /// (read back with <c>pdftotext -bbox</c>) follows the first column's share, and a count that does not match the
    /// table's columns falls back to the estimate.
    /// </summary>
    [Fact]
    public void Column_widths_come_from_the_layouts_print_hints()
    {
        const string html = "<main><table class=\"official-form\"><caption>表</caption><tbody><tr><th scope=\"row\">名称</th><td>甲乙丙</td></tr></tbody></table></main>";
        double Start(PrintHints hints)
        {
            var pdf = Typeset(html, landscape: false, hints);
            var bbox = Poppler.Run("pdftotext", ["-bbox", pdf, "-"]);
            var word = Regex.Match(bbox, "<word xMin=\"([0-9.]+)\"[^>]*>甲乙丙</word>");
            Assert.True(word.Success, bbox);
            return double.Parse(word.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        var narrow = Start(new PrintHints([1m, 9m]));
        var wide = Start(new PrintHints([9m, 1m]));
        var estimated = Start(PrintHints.Default);
        var mismatched = Start(new PrintHints([9m, 1m, 1m]));

        // A4 is 595 pt wide, 12 mm margins: the table is ~527 pt, so 1:9 puts the value at ~86 pt, 9:1 at ~560 pt.
        Assert.InRange(narrow, 60, 120);
        Assert.InRange(wide, 480, 580);
        Assert.Equal(estimated, mismatched);
    }

    [Fact]
    public void The_header_rows_of_a_body_are_its_leading_rows_of_column_headers_only()
    {
        var form = TypstJobs.Read(Table(Header.MergedLabel, rows: 3, trailing: 1), "x", false, PrintHints.Default);
        var sections = Assert.Single(form.Tables).Sections;
        Assert.Equal([0, 2, 0], sections.Select(s => s.HeaderRows));
        Assert.Equal(7, form.Tables[0].Columns);
        Assert.Equal(2 + 3, sections[1].Cells.Single(c => c.Text == "绩效指标").RowSpan);

        var thead = Assert.Single(TypstJobs.Read(Table(Header.Thead, rows: 3, trailing: 1), "x", false, PrintHints.Default).Tables).Sections;
        Assert.Equal([0, 2, 0], thead.Select(s => s.HeaderRows));

        var headerBody = Assert.Single(TypstJobs.Read(Table(Header.HeaderBody, rows: 3, trailing: 1), "x", false, PrintHints.Default).Tables).Sections;
        Assert.Equal([0, 2, 0], headerBody.Select(s => s.HeaderRows));
        Assert.Equal(2 + 3, headerBody[1].Rows);
    }

    /// <summary>
    /// A form table of a layout the seeds do not have: project rows, an indicator table with two header rows
    /// (指标值 over 指标名称 / 计量单位 / 年度指标值) and one long 产出指标 group, then rows of text after it.
    /// </summary>
    private static string Table(Header header, int rows, int trailing)
    {
        var merged = header == Header.MergedLabel;
        var label = merged ? $"<th scope=\"rowgroup\" rowspan=\"{rows + 2}\">绩效指标</th>" : string.Empty;
        var first = $"<tr>{label}<th scope=\"col\" rowspan=\"2\">一级指标</th><th scope=\"col\" rowspan=\"2\">二级指标</th><th scope=\"col\" colspan=\"3\">指标值</th><th scope=\"col\" rowspan=\"2\">备注</th></tr>";
        var second = "<tr><th scope=\"col\">指标名称</th><th scope=\"col\">计量单位</th><th scope=\"col\">年度指标值</th></tr>";
        var body = new StringBuilder();
        for (var i = 1; i <= rows; i++)
        {
            var level1 = i == 1 ? $"<th scope=\"row\" rowspan=\"{rows}\">产出指标</th>" : string.Empty;
            var value = (i % 3) switch { 0 => "不适用", 1 => "≥30.00(个)", _ => $"{i}.00" };
            body.Append(CultureInfo($"<tr>{level1}<th scope=\"row\">数量指标</th><td>三级指标第{i}项，说明文字较长的一项指标</td><td>个</td><td>{value}</td><td></td></tr>"));
        }

        var after = new StringBuilder();
        for (var i = 1; i <= trailing; i++)
        {
            after.Append(CultureInfo($"<tr><th scope=\"row\" colspan=\"2\">存在问题第{i}条</th><td colspan=\"{(merged ? 5 : 4)}\"><p>{string.Concat(Enumerable.Repeat("项目执行中发现的问题及其原因分析，以及下一年度的改进措施。", 6))}</p></td></tr>"));
        }

        var columns = merged ? 7 : 6;
        var indicators = header switch
        {
            Header.Thead => $"<thead>{first}{second}</thead><tbody class=\"indicators\">{body}</tbody>",
            Header.HeaderBody => $"<tbody class=\"indicator-header\">{first}{second}</tbody><tbody class=\"indicators\">{body}</tbody>",
            _ => $"<tbody class=\"indicators\">{first}{second}{body}</tbody>",
        };
        var project = $"<tbody><tr><th scope=\"row\" colspan=\"2\">项目名称</th><td colspan=\"{columns - 2}\">测试项目</td></tr></tbody>";
        var tail = trailing > 0 ? $"<tbody class=\"after\">{after}</tbody>" : string.Empty;
        return $"<main><h1>网页标题</h1><section class=\"form-notes\"><h2>提示</h2><a href=\"x\">这是什么意思？</a></section><table class=\"official-form\"><caption>绩效目标表</caption>{project}{indicators}{tail}</table></main>";
    }

    private static string CultureInfo(FormattableString text) => FormattableString.Invariant(text);

    private static string Typeset(string html, bool landscape, PrintHints? hints = null)
    {
        var (folder, node, reason) = TypstEngine.Find();
        if (folder is null || node is null || !Poppler.Installed)
        {
            var missing = $"the PDF engine ({TypstEngine.InstallHint}) and poppler-utils are needed: {reason}";
            Assert.True(!Repo.InCi, missing + " (.ci/run installs them)");
            Assert.Skip(missing);
        }

        var form = TypstJobs.Read(html, "测试项目", landscape, hints ?? PrintHints.Default);
        var source = TypstDocument.Form(form, Words, "测试项目 绩效目标表", "测试单位", Date);
        byte[]? printed = null;
        TypstPrinter.Print(folder!, node!, [TypstJobs.Job("test.pdf", source, "k", Date)], 1, (_, pdf, _) => printed = pdf);
        var path = Path.Combine(Repo.TempDir("typst"), "test.pdf");
        File.WriteAllBytes(path, printed!);
        Assert.DoesNotContain("网页标题", Poppler.Text(path), StringComparison.Ordinal);
        Assert.DoesNotContain("这是什么意思", Poppler.Text(path), StringComparison.Ordinal);
        return path;
    }

    private static List<string> Pages(string pdf)
    {
        var count = int.Parse(Regex.Match(Poppler.Info(pdf), @"Pages:\s+(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return [.. Enumerable.Range(1, count).Select(p => Poppler.Text(pdf, p))];
    }

    /// <summary>A page's lines as pdftotext -layout places them, white space squeezed: one line per printed line, top to bottom.</summary>
    private static List<string> Layout(string pdf, int page) =>
        [.. Poppler.Run("pdftotext", ["-layout", "-f", $"{page}", "-l", $"{page}", pdf, "-"]).Split('\n').Select(Squeeze)];

    private static string Squeeze(string text) => WhiteSpace().Replace(text, string.Empty);

    /// <summary>The table cells of <c>pdfinfo -struct-text</c>: each TH or TD with its /Scope and its text.</summary>
    private static List<(string Tag, string? Scope, string Text)> TaggedCells(string structure)
    {
        var cells = new List<(string Tag, string? Scope, string Text)>();
        (string Tag, string? Scope, StringBuilder Text)? current = null;
        void Close()
        {
            if (current is { } c)
            {
                cells.Add((c.Tag, c.Scope, Squeeze(c.Text.ToString())));
            }

            current = null;
        }

        foreach (var line in structure.Split('\n').Select(l => l.Trim()))
        {
            if (Regex.Match(line, @"^(TH|TD)\b") is { Success: true } cell)
            {
                Close();
                current = (cell.Groups[1].Value, null, new StringBuilder());
            }
            else if (current is { } c && line.StartsWith("/Scope /", StringComparison.Ordinal))
            {
                current = (c.Tag, line["/Scope /".Length..], c.Text);
            }
            else if (current is { } t && line.StartsWith('"'))
            {
                t.Text.Append(line.Trim('"'));
            }
            else if (!line.StartsWith('/'))
            {
                Close();
            }
        }

        Close();
        return cells;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"/S /(T[DH])\b")]
    private static partial Regex StructElement();

    [GeneratedRegex(@"三级指标第\d")]
    private static partial Regex FirstIndicatorRow();
}
