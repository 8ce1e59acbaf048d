using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Forms;

namespace PerfDisclosure.Core.Validation.Rules.AcrossFiles;

/// <summary>A form names an organisation that has no file under content/organisations/.</summary>
public sealed class UnknownOrganisation : Rule
{
    public override string Code => "PD0501";

    public override Severity Severity => Severity.Error;

    public override string Title => "引用了不存在的机构";

    public override string TitleEn => "Unknown organisation";

    public override RuleExample Example => new(
        "shenzhen-target",
        "first_level_budget_unit: sz-futian-investment-promotoin\n",
        "first_level_budget_unit: sz-futian-investment-promotion\n");

    public override IEnumerable<Diagnostic> CheckAll(CorpusContext corpus)
    {
        foreach (var form in corpus.Forms)
        {
            foreach (var value in Organisations(form.Form.Fields).Where(v => !corpus.Organisations.ContainsKey(v.Id)))
            {
                var nearest = Suggestions.Closest(value.Id, corpus.Organisations.Keys);
                var (zh, en) = Suggestions.Phrase(nearest);
                yield return Report(value.Where, $"引用了不存在的机构“{value.Id}”{zh}", $"Unknown organisation '{value.Id}'{en}", nearest is null
                    ? new($"新建 content/organisations/{value.Id}.yaml，或改正机构标识", $"add content/organisations/{value.Id}.yaml or correct the id")
                    : new($"改写为“{nearest}”，或新建 content/organisations/{value.Id}.yaml", $"write '{nearest}', or add content/organisations/{value.Id}.yaml"));
            }
        }
    }

    private static IEnumerable<OrganisationValue> Organisations(FieldSet fields) =>
        fields.Keys.Select(k => fields[k]).SelectMany(v => v switch
        {
            OrganisationValue o => [o],
            GroupValue g => Organisations(g.Fields),
            TableValue t => t.Rows.SelectMany(r => Organisations(r.Fields)),
            _ => [],
        });
}
