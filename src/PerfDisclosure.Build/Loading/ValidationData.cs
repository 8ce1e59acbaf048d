using PerfDisclosure.Core.Frameworks;
using PerfDisclosure.Core.Scoring;

namespace PerfDisclosure.Build.Loading;

/// <summary>The theme's indicator frameworks and scoring rules, by id (templates/frameworks, templates/scoring).</summary>
public sealed record ValidationData(
    IReadOnlyDictionary<string, IndicatorFramework> Frameworks,
    IReadOnlyDictionary<string, ScoringRules> Scoring);
