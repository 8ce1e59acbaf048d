using PerfDisclosure.Core.Validation.Rules.AcrossFiles;
using PerfDisclosure.Core.Validation.Rules.Authoring;
using PerfDisclosure.Core.Validation.Rules.Classified;
using PerfDisclosure.Core.Validation.Rules.Framework;
using PerfDisclosure.Core.Validation.Rules.Funds;
using PerfDisclosure.Core.Validation.Rules.Import;
using PerfDisclosure.Core.Validation.Rules.Input;
using PerfDisclosure.Core.Validation.Rules.Markdown;
using PerfDisclosure.Core.Validation.Rules.Outputs;
using PerfDisclosure.Core.Validation.Rules.Schema;
using PerfDisclosure.Core.Validation.Rules.Scoring;
using PerfDisclosure.Core.Validation.Rules.Tables;
using PerfDisclosure.Core.Validation.Rules.Templates;
using PerfDisclosure.Core.Validation.Rules.Values;

namespace PerfDisclosure.Core.Validation;

/// <summary>The rules <c>check</c> runs, in code order; assembled by <see cref="RuleSetBuilder"/>.</summary>
public sealed class RuleSet
{
    internal RuleSet(IReadOnlyList<Rule> rules)
    {
        var duplicate = rules.GroupBy(r => r.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"two rules share the code {duplicate.Key}");
        }

        Rules = [.. rules.OrderBy(r => r.Code, StringComparer.Ordinal)];
    }

    /// <summary>Every rule PerfDisclosure has.</summary>
    public static RuleSet Default { get; } = new RuleSetBuilder()
        .UseSchema()
        .UseFramework()
        .UseValues()
        .UseFunds()
        .UseTables()
        .UseScoring()
        .UseAcrossFiles()
        .UseClassified()
        .UseInput()
        .UseMarkdown()
        .UseOutputs()
        .UseTemplates()
        .UseAuthoring()
        .UseImport()
        .Build();

    public IReadOnlyList<Rule> Rules { get; }

    public Rule? Find(string code) => Rules.FirstOrDefault(r => r.Code == code);
}

/// <summary>Assembles a rule set family by family, as Markdig's pipeline builder does with its extensions.</summary>
public sealed class RuleSetBuilder
{
    private readonly List<Rule> rules = [];

    public RuleSetBuilder Use(Rule rule)
    {
        rules.Add(rule);
        return this;
    }

    public RuleSetBuilder UseSchema() => UseAll(SchemaRules.All);

    public RuleSetBuilder UseFramework() => UseAll([new UnknownLevel1(), new Level2NotUnderLevel1(), new Level3ContradictsLevel2()]);

    public RuleSetBuilder UseValues() => UseAll([new NonStandardValue(), new UnreadableQuantity(), new ActualMissesTarget()]);

    public RuleSetBuilder UseFunds() => UseAll([new FundSumMismatch(), new FundBoundExceeded(), new NegativeAmount(), new CostTargetAboveFunds()]);

    public RuleSetBuilder UseTables() => UseAll([new TableTotalMismatch(), new TableProductMismatch()]);

    public RuleSetBuilder UseScoring() => UseAll([new ExecutionRateMismatch(), new ExecutionScoreMismatch(), new ScoreAboveWeight(), new WeightsDoNotAddUp(), new TotalScoreMismatch(), new GradeMismatch(), new MissingDeviation()]);

    public RuleSetBuilder UseAcrossFiles() => UseAll([new UnknownOrganisation(), new DuplicateId(), new DuplicateProject(), new YearDisagreesWithDates(), new PathDisagreesWithId(), new ReservedOrganisationId()]);

    public RuleSetBuilder UseClassified() => Use(new ClassifiedDetailPublished());

    public RuleSetBuilder UseInput() => UseAll(InputRules.All);

    public RuleSetBuilder UseMarkdown() => Use(MarkdownRules.OverLimit);

    public RuleSetBuilder UseOutputs() => UseAll(OutputRules.All);

    public RuleSetBuilder UseTemplates() => UseAll(TemplateRules.All);

    public RuleSetBuilder UseAuthoring() => UseAll(AuthoringRules.All);

    public RuleSetBuilder UseImport() => UseAll(ImportRules.All).UseAll(PdfImportRules.All);

    public RuleSet Build() => new(rules);

    private RuleSetBuilder UseAll(IEnumerable<Rule> family)
    {
        rules.AddRange(family);
        return this;
    }
}
