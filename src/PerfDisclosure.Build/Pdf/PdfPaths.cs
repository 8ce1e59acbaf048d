using PerfDisclosure.Build.Site;

namespace PerfDisclosure.Build.Pdf;

/// <summary>Where the PDFs live in the site: beside the form's page, and beside the organisation's year page.</summary>
public static class PdfPaths
{
    public static string Form(FormEntry entry) => entry.Path + entry.Form.Slug + ".pdf";

    /// <summary>年度项目绩效目标汇总表: every form of one organisation and year.</summary>
    public static string Compilation(string organisation, int year) => SitePaths.OrganisationYear(organisation, year) + $"{organisation}-{year}.pdf";
}
