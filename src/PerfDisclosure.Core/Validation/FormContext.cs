using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Frameworks;
using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Scoring;

namespace PerfDisclosure.Core.Validation;

/// <summary>What a rule sees of one form: the form, its layout, and the framework and scoring rules the layout declares.</summary>
/// <param name="Framework">null when the layout's framework is not defined (reported once as PD0011).</param>
/// <param name="Scoring">The scoring rules resolved for the form's owner, or null for target forms.</param>
public sealed record FormContext(Form Form, LayoutDefinition Layout, IndicatorFramework? Framework, ScoringRules? Scoring)
{
    public decimal? Number(string path) => Form.Fields.NumberAt(path);

    public FieldValue? Value(string path) => Form.Fields.At(path);

    /// <summary>The indicator rows of a scored (self-evaluation) form that print both 分值 and 得分.</summary>
    public IEnumerable<(IndicatorRow Row, NumberValue Weight, NumberValue Score)> ScoredRows =>
        Scoring is null ? [] : Form.Indicators.Where(r => r["weight"] is NumberValue && r["score"] is NumberValue).Select(r => (r, (NumberValue)r["weight"]!, (NumberValue)r["score"]!));
}

/// <summary>What a rule sees across files: every form with its context, the known organisations, and the folders the site itself uses.</summary>
public sealed record CorpusContext(IReadOnlyList<FormContext> Forms, IReadOnlyDictionary<string, Organisation> Organisations, IReadOnlyList<string>? Reserved = null)
{
    public IReadOnlyList<string> ReservedFolders => Reserved ?? [];
}
