using PerfDisclosure.Core.Schemas;

namespace PerfDisclosure.Core.Frameworks;

/// <summary>
/// The keys of an indicator framework file (<c>templates/frameworks/&lt;id&gt;.yaml</c>): checked by the loader
/// (PD0011) and published as <c>framework.schema.json</c>.
/// </summary>
public static class FrameworkFile
{
    private static readonly ListShape Names = new("Indicator names", new TextShape("An indicator name as the forms print it"));

    private static readonly ObjectShape Root = new("指标体系: the level-1 and level-2 indicator names a layout's forms may use",
    [
        new("id", new TextShape("The framework's id, named by layouts (framework: <id>); the file name when absent")),
        new("title", new TextShape("The framework's name, e.g. 财政部项目支出绩效指标体系")),
        new("extends", new TextShape("The id of a framework whose levels, markers and hints this one adds to")),
        new("markers", Names with { Description = "Prefixes some forms print before a level-2 name (* or +), ignored when comparing" }),
        new("weight_in_label", new TextShape("A pattern (.NET regular expression, anchored at the end with $) matching a weight some forms print inside a level name, e.g. [(（]\\s*(?<weight>\\d+(\\.\\d+)?)\\s*分\\s*[)）]$ for 产出指标(50分); what it matches is ignored when comparing names")),
        new("levels", new MapShape("Each level-1 name (一级指标) with its level-2 names (二级指标)", Names with { Description = "The level-2 names under this level-1 name" })),
        new("skeleton", Names with { Description = "The level-1 names a new form starts with, in printed order; each is a key of levels" }),
        new("hints", new ListShape("Words in a level-3 name that place it under particular level-2 names (PD0103)", new ObjectShape("A wording hint",
        [
            new("words", Names with { Description = "Words of a level-3 name" }, Required: true),
            new("level2", Names with { Description = "The level-2 names such a level-3 name belongs under" }, Required: true),
        ]))),
    ]);

    public static FileSchema Schema { get; } = new("framework", "PerfDisclosure indicator framework (templates/frameworks/<id>.yaml)", Root);
}
