using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Build.Validation;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Validation;

/// <summary>
/// The seed corpus holds real inconsistencies. Each finding below was judged by hand against tests/seeds
/// (docs/validation-findings.md says why each is real); any other finding is a false one, hence a bug.
/// </summary>
public class SeedFindingsTests
{
    private static readonly string[] Expected =
    [
        "sh-foreign-investment-promotion/2023/csitf-fair-funding.yaml:79:12 warning PD0407",
        "sh-foreign-investment-promotion/2023/csitf-fair-funding.yaml:83:13 warning PD0201",
        "sh-foreign-investment-promotion/2023/csitf-fair-funding.yaml:101:12 warning PD0407",
        "sh-foreign-investment-promotion/2023/csitf-fair-funding.yaml:108:12 warning PD0407",
        "sh-foreign-investment-promotion/2023/csitf-fair-funding.yaml:115:12 warning PD0407",
        "sh-foreign-investment-promotion/2023/csitf-fair-funding.yaml:122:12 warning PD0407",
        "sh-foreign-investment-promotion/2023/csitf-fair-funding.yaml:129:12 warning PD0407",
        "sh-foreign-investment-promotion/2023/csitf-performance-management.yaml:51:12 warning PD0407",
        "sh-foreign-investment-promotion/2023/it-operations-maintenance.yaml:41:13 warning PD0201",
        "sh-foreign-investment-promotion/2023/it-operations-maintenance.yaml:58:12 warning PD0407",
        "sh-foreign-investment-promotion/2023/overseas-offices.yaml:36:13 warning PD0203",
        "sh-foreign-investment-promotion/2023/platform-data-collection.yaml:58:12 warning PD0407",
        "sh-foreign-investment-promotion/2023/platform-data-collection.yaml:65:12 warning PD0407",
        "sh-foreign-investment-promotion/2023/platform-data-collection.yaml:81:12 warning PD0407",
        "sh-foreign-investment-promotion/2023/platform-data-collection.yaml:88:12 warning PD0407",
        "sh-foreign-investment-promotion/2023/wechat-account-publicity.yaml:37:12 warning PD0407",
        "sh-minhang-government-office/2022/east-west-poverty-alleviation-paired-assistance.yaml:74:13 warning PD0201",
        "sh-minhang-government-office/2022/east-west-poverty-alleviation-paired-assistance.yaml:84:13 warning PD0201",
        "sh-minhang-government-office/2022/east-west-poverty-alleviation-paired-assistance.yaml:89:13 warning PD0201",
        "sh-minhang-government-office/2022/efficiency-building.yaml:46:13 warning PD0201",
        "sh-minhang-government-office/2022/efficiency-building.yaml:50:13 warning PD0201",
        "sh-minhang-government-office/2022/efficiency-building.yaml:90:13 warning PD0201",
        "sh-minhang-government-office/2022/government-employees.yaml:80:13 warning PD0201",
        "sh-minhang-government-office/2022/government-information-disclosure.yaml:74:13 warning PD0201",
        "sh-minhang-government-office/2022/government-information-disclosure.yaml:139:13 warning PD0201",
        "sh-minhang-government-office/2022/international-friendship-exchange.yaml:69:13 warning PD0201",
        "sh-minhang-government-office/2022/legal-counsel.yaml:30:13 warning PD0201",
        "sh-minhang-government-office/2022/legal-counsel.yaml:53:13 warning PD0201",
        "sh-minhang-government-office/2022/npc-deputy-suggestions-system-upgrade.yaml:13:10 warning PD0301",
        "sh-minhang-government-office/2022/npc-deputy-suggestions-system-upgrade.yaml:54:13 warning PD0201",
        "sh-minhang-government-office/2022/official-travel-abroad.yaml:64:13 warning PD0201",
        "sh-minhang-government-office/2022/party-building.yaml:26:13 warning PD0201",
        "sh-minhang-government-office/2022/party-building.yaml:81:13 warning PD0201",
        "sz-futian-investment-promotion/2024/integrated-information-service-platform.yaml:13:15 warning PD0007",
        "sz-futian-investment-promotion/2024/investment-attraction-services.yaml:57:13 warning PD0504",
    ];

    [Fact]
    public void Check_finds_exactly_the_judged_findings_in_the_seed_corpus()
    {
        var theme = new ThemeFiles(Repo.Templates);
        var findings = ContentValidator.Validate(ContentLoader.Load(Repo.Content, theme), theme)
            .Select(d => $"{d.Where.File[(d.Where.File.IndexOf("forms/", StringComparison.Ordinal) + 6)..]}:{d.Where.Line}:{d.Where.Column} {DiagnosticName(d.Severity)} {d.Code}")
            .ToList();
        Assert.Equal(Expected, findings);
    }

    [Fact]
    public void Seed_corpus_has_no_errors_so_it_builds()
    {
        var theme = new ThemeFiles(Repo.Templates);
        Assert.DoesNotContain(ContentValidator.Validate(ContentLoader.Load(Repo.Content, theme), theme), d => d.IsError);
    }

    private static string DiagnosticName(Core.Diagnostics.Severity severity) => Build.Reporting.DiagnosticWriter.Severity(severity);
}
