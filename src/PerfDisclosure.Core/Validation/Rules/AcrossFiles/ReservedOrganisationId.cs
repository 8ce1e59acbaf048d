using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation.Rules.AcrossFiles;

/// <summary>An organisation id equal to a folder the site itself uses (years/, notes/ …): both would claim one URL.</summary>
public sealed class ReservedOrganisationId : Rule
{
    public override string Code => "PD0506";

    public override Severity Severity => Severity.Error;

    public override string Title => "机构标识与网站自身的文件夹重名（网址冲突）";

    public override string TitleEn => "An organisation id is a folder the site itself uses (the URLs would collide)";

    public override RuleExample Example => new(
        "shenzhen-target",
        "# content/organisations/notes.yaml\nname: 某单位\n",
        "# content/organisations/sz-notes-office.yaml\nname: 某单位\n",
        ExampleKind.Other);

    public override IEnumerable<Diagnostic> CheckAll(CorpusContext corpus)
    {
        foreach (var organisation in corpus.Organisations.Values.Where(o => corpus.ReservedFolders.Contains(o.Id, StringComparer.OrdinalIgnoreCase)))
        {
            yield return Report(organisation.Where, $"机构标识“{organisation.Id}”与网站的 {organisation.Id}/ 文件夹重名", $"Organisation id '{organisation.Id}' is the site's own {organisation.Id}/ folder", new("给机构文件改名（机构标识就是文件名）", "rename the organisation file (its id is the file name)"));
        }
    }
}
