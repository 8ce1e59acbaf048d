using PerfDisclosure.Core.Schemas;

namespace PerfDisclosure.Core.Scoring;

/// <summary>
/// The keys of a scoring file (<c>templates/scoring/&lt;id&gt;.yaml</c>): grade bands, total weight and rounding,
/// checked by the loader (PD0011) and published as <c>scoring.schema.json</c>. It names no field: the layout's
/// roles say where the execution block and the scores are.
/// </summary>
public static class ScoringFile
{
    private static readonly ObjectShape RoundingShape = new("How computed rates and scores are rounded to the printed decimals",
    [
        new("decimals", new NumberShape("The printed decimals", Integer: true)),
        new("mode", new TextShape("half-up (四舍五入), truncate (截位) or half-even", EnumNames.Of<RoundingMode>())),
    ]);

    private static readonly ObjectShape Root = new("The scoring rules of a self-evaluation layout",
    [
        new("id", new TextShape("The rules' id, named by layouts (scoring: <id>)"), Required: true),
        new("total_weight", new NumberShape("What the 分值 of a form add up to")),
        new("grades", new ListShape("评分等级 from the highest threshold down", new ObjectShape("A grade and the score it starts at",
        [
            new("name", new TextShape("The grade as the form prints it, e.g. 优"), Required: true),
            new("min", new NumberShape("The lowest total score that earns it"), Required: true),
        ]))),
        new("rounding", RoundingShape),
        new("organisations", new MapShape("Organisations (by id) that round differently", new ObjectShape("One organisation's settings", [new("rounding", RoundingShape)]))),
    ]);

    public static FileSchema Schema { get; } = new("scoring", "PerfDisclosure scoring rules (templates/scoring/<id>.yaml)", Root);
}
