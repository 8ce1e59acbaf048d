using PerfDisclosure.Build.Importing;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Importing;

public class LineWrapsTests
{
    [Fact]
    public void An_imported_form_keeps_printed_spaces_and_loses_the_wraps_in_every_field_and_column()
    {
        var result = TableImporter.Import(SourceTable.FromTsv("form.txt", string.Join('\n',
            "二级项目支出绩效目标申报表",
            "项目编码:\t440304231151500205016\t\t项目名称:\t办公设备 采购",
            "政策依据:\t根据《中共深圳市福田区委 深圳市福田区人民政府关于进一步实施福田英才荟若干措施的通知》开展工作。",
            "一级指标\t二级指标\t三级指标\t指标值\t指标解释",
            "产出指标\t数量指标\t采购台 数\t部分达成指 标并具有一定 效果\t降低总体运行成本 提高整体运转效率",
            "\t\t采购场次\t有效\t该指标考察政府采购设备数量")), FormImportTests.Settings);

        var form = Assert.Single(result.Forms);
        Assert.Equal("根据《中共深圳市福田区委 深圳市福田区人民政府关于进一步实施福田英才荟若干措施的通知》开展工作。", form.Values["policy_basis"].Text);
        Assert.Equal(("采购台数", "部分达成指标并具有一定效果", "降低总体运行成本 提高整体运转效率"), (form.Indicators[0]["level3"], form.Indicators[0]["target"], form.Indicators[0]["explanation"]));

        // 办公设备 采购: one space, and only its own cell to measure the column by; joined, and told.
        Assert.Equal("办公设备采购", form.ProjectName);
        var note = Assert.Single(result.Notes);
        Assert.Equal((2, 5, Severity.Warning), (note.Row, note.Column, note.Severity));
        Assert.Contains("joined “办公设备 采购” as one line wrapped in a narrow cell", note.Message);
    }

    [Fact]
    public void The_content_corpus_holds_no_space_that_reads_as_a_line_wrap()
    {
        static string? Column(string path) => path.StartsWith("indicators[", StringComparison.Ordinal) ? path[(path.IndexOf('.', StringComparison.Ordinal) + 1)..] : null;
        var corpus = ContentLoader.Load(Repo.Content, new ThemeFiles(Repo.Templates));
        var wraps = new List<string>();
        foreach (var form in corpus.Forms)
        {
            var fields = FormComparison.Flatten(form);
            foreach (var (path, text) in fields)
            {
                // An indicator value is measured against the rest of its column, as the importer does; a field alone.
                var width = Column(path) is { } column ? fields.Where(f => f.Key != path && Column(f.Key) == column).Select(f => LineWraps.WidestLine(f.Value)).DefaultIfEmpty(0).Max() : 0;
                wraps.AddRange(text.Split("\n\n").Where(p => LineWraps.Join(p, width).Text != p).Select(p => $"{form.File}: {path}: {p}"));
            }
        }

        Assert.True(corpus.Forms.Count >= 47);
        Assert.Empty(wraps);
    }

    [Fact]
    public void Text_wrapped_in_a_narrow_cell_is_joined_where_each_line_is_full()
    {
        // The 实际完成值 column of the form prints 400.00(家) (10 half-width columns) unbroken; these lines fill it.
        Assert.Equal(("部分达成指标并具有一定效果", false), LineWraps.Join("部分达成指 标并具有一定 效果", LineWraps.Width("400.00(家)")));
    }

    [Fact]
    public void A_space_before_a_line_shorter_than_the_column_is_printed()
    {
        // The 指标目标值 column prints 满足2年内用户增长需求 (19 columns) on one line: 降低总体运行成本 (16) was not wrapped.
        Assert.Equal(("降低总体运行成本 提高整体运转效率", false), LineWraps.Join("降低总体运行成本 提高整体运转效率", LineWraps.Width("满足2年内用户增长需求")));
        Assert.Equal("中共深圳市福田区委 深圳市福田区人民政府关于进一步实施福田英才荟若干措施的通知", LineWraps.Join("中共深圳市福田区委 深圳市福田区人民政府关于进一步实施福田英才荟若干措施的通知", 0).Text);
    }

    [Theory]
    [InlineData("SIPC 运作专项")]
    [InlineData("2023 年 12 月 31 日")]
    [InlineData("本年度组织或参加的出访团组共 9 个, 出访人数 11 人次。 全力配合")]
    public void Spaces_next_to_Latin_words_numbers_or_punctuation_are_never_wraps(string text) =>
        Assert.Equal((text, false), LineWraps.Join(text, 0));

    [Fact]
    public void One_space_that_only_its_own_cell_shows_to_be_a_wrap_is_joined_as_ambiguous() =>
        Assert.Equal(("降低总体运行成本提高整体运转效率", true), LineWraps.Join("降低总体运行成本 提高整体运转效率", 0));

    [Fact]
    public void Names_lose_every_space_between_Chinese_characters() =>
        Assert.Equal("直接联系推动来华考察国家和企业项目", LineWraps.JoinAll("直接联系推动来华考察国家和企 业项目"));

    [Theory]
    [InlineData("达成指标", 8)]
    [InlineData("30.00(个)", 9)]
    [InlineData("100%（2022年8月）", 17)]
    public void Width_counts_CJK_and_full_width_characters_as_two_columns(string text, int width) =>
        Assert.Equal(width, LineWraps.Width(text));
}
