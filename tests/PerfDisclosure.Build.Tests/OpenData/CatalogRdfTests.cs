using System.Text.Json;
using PerfDisclosure.Build.Tests.Search;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.OpenData;

/// <summary>
/// A portal harvests data/catalog.jsonld: parsed with rdflib (Debian python3-rdflib, installed by .ci/run), the
/// catalog, each dataset and each distribution carry every DCAT-AP property ckanext-dcat maps
/// (tests/opendata-readers/check_catalog.py asserts them, byte sizes against the files).
/// </summary>
public class CatalogRdfTests
{
    [Fact]
    public void Rdflib_finds_every_dcat_ap_property_with_the_government_body_as_publisher()
    {
        var python = new[] { "/usr/bin/python3", Tools.Find("python3") }.OfType<string>().Where(File.Exists).FirstOrDefault(HasRdflib);
        if (python is null)
        {
            Assert.False(Repo.InCi, "python3-rdflib must be installed in CI (.ci/run installs it)");
            Assert.Skip("rdflib is not installed: apt-get install python3-rdflib");
        }

        var site = BuiltSite.Content;
        var output = Tools.Run(python!, [Path.Combine(Repo.Root, "tests", "opendata-readers", "check_catalog.py"), site.Root, BuiltSite.BaseUrl]);
        using var summary = JsonDocument.Parse(output);
        Assert.Equal(1, summary.RootElement.GetProperty("catalogs").GetInt32());
        Assert.Equal(3, summary.RootElement.GetProperty("datasets").GetInt32());
        Assert.Equal(4, summary.RootElement.GetProperty("distributions").GetInt32()); // 2 CSV, the .xlsx, forms.json
        Assert.Equal([site.Model.Settings.PublisherName], summary.RootElement.GetProperty("publishers").EnumerateArray().Select(p => p.GetString()));
        Assert.NotEqual("PerfDisclosure", site.Model.Settings.PublisherName);
        Assert.Equal([site.Model.Settings.Licence], summary.RootElement.GetProperty("licences").EnumerateArray().Select(p => p.GetString()));
    }

    private static bool HasRdflib(string python)
    {
        try
        {
            Tools.Run(python, ["-c", "import rdflib"]);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
