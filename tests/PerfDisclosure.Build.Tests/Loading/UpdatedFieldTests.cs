using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Loading;

/// <summary>A publisher marks when a form last changed with <c>updated:</c>; a wrong date is an error at its place.</summary>
public class UpdatedFieldTests
{
    private static readonly LoadedContent Content = ContentLoader.Load(Repo.Content, new ThemeFiles(Repo.Templates));
    private static readonly string Source = File.ReadAllText(Path.Combine(Repo.Content, "forms", "sh-hongqiao-investment-service", "2024", "talent-services.yaml"));

    [Fact]
    public void An_updated_date_is_read_into_the_form()
    {
        var bag = new DiagnosticBag();
        var form = FormReader.Read("talent-services.yaml", "talent-services", Source.Replace("year: 2024", "year: 2024\nupdated: 2025-03-01", StringComparison.Ordinal), Content.Layouts, bag);
        Assert.Empty(bag.ToList());
        Assert.Equal(new DateOnly(2025, 3, 1), form!.Updated);
    }

    [Fact]
    public void A_malformed_updated_date_is_an_error_naming_file_and_line()
    {
        var bag = new DiagnosticBag();
        var text = Source.Replace("year: 2024", "year: 2024\nupdated: 2025-13-40", StringComparison.Ordinal);
        FormReader.Read("forms/x/2024/talent-services.yaml", "talent-services", text, Content.Layouts, bag);
        var error = Assert.Single(bag.ToList());
        Assert.Equal("PD0005", error.Code);
        Assert.Equal("forms/x/2024/talent-services.yaml", error.Where.File);
        Assert.Equal(text.Split('\n').ToList().FindIndex(l => l.StartsWith("updated:", StringComparison.Ordinal)) + 1, error.Where.Line);
        Assert.Contains("2025-13-40", error.MessageEn, StringComparison.Ordinal);
    }
}
