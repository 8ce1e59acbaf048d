namespace PerfDisclosure.Core.Layouts;

public enum FormKind
{
    /// <summary>财政项目支出绩效目标申报表: targets declared before the year.</summary>
    Target,

    /// <summary>财政项目支出绩效自评表: results and scores after the year.</summary>
    SelfEvaluation,
}
