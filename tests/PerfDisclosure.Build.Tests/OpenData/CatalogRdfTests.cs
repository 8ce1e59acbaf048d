using System.Globalization;
using System.Text.Json;
using PerfDisclosure.Build.OpenData;
using PerfDisclosure.Build.Tests.Search;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.OpenData;

/// <summary>
/// A portal harvests data/catalog.jsonld: parsed with rdflib (Debian python3-rdflib, installed by .ci/run), the
/// catalog, each dataset and each distribution carry every DCAT-AP property ckanext-dcat maps
/// (tests/opendata-readers/check_catalog.py reads them), and each value is the true one: the licence and publisher
/// of site.yaml, its contact point's e-mail, the forms' own dates, the jurisdictions, the byte size of the file on disk — for content/ and
/// every example site.
/// </summary>
public class CatalogRdfTests
{
    private const string Language = "http://publications.europa.eu/resource/authority/language/ZHO";

    [Theory]
    [MemberData(nameof(OpenDataSite.Names), MemberType = typeof(OpenDataSite))]
    public void Rdflib_finds_every_dcat_ap_property_of_the_catalog_each_dataset_and_each_distribution_with_its_true_value(string name)
    {
        var python = new[] { "/usr/bin/python3", Tools.Find("python3") }.OfType<string>().Where(File.Exists).FirstOrDefault(HasRdflib);
        if (python is null)
        {
            Assert.False(Repo.InCi, "python3-rdflib must be installed in CI (.ci/run installs it)");
            Assert.Skip("rdflib is not installed: apt-get install python3-rdflib");
        }

        var site = OpenDataSite.Get(name);
        var settings = site.Model.Settings;
        var output = Tools.Run(python!, [Path.Combine(Repo.Root, "tests", "opendata-readers", "check_catalog.py"), site.Root, site.BaseUrl]);
        using var summary = JsonDocument.Parse(output);
        var root = summary.RootElement;
        var tables = OpenDataTables.All(site.Model);
        Assert.Equal(1, root.GetProperty("catalogs").GetInt32());
        Assert.Equal(tables.Count + 1, root.GetProperty("datasets").GetInt32()); // each table, and forms.json
        Assert.Equal(tables.Count + 2, root.GetProperty("distributions").GetInt32()); // each CSV, the .xlsx, forms.json

        var issued = site.Model.Forms.Min(f => f.Published).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var modified = site.Model.Forms.Max(f => f.Updated).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var jurisdictions = site.Model.Organisations.Select(o => o.Jurisdiction).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.NotEqual("PerfDisclosure", settings.PublisherName);
        Assert.True(settings.ContactEmail.Length > 0, name + ": site.yaml gives no contact_email, so the catalog has no contact point to write to");
        foreach (var node in root.GetProperty("nodes").EnumerateArray())
        {
            var id = node.GetProperty("kind").GetString() + " " + node.GetProperty("id").GetString();
            string[] Values(string key) => [.. node.GetProperty(key).EnumerateArray().Select(v => v.GetString()!)];
            Assert.True(Values("licence").SequenceEqual([settings.Licence]), id + ": licence");
            Assert.True(Values("licence_title").SequenceEqual([settings.LicenceName]), id + ": licence title");
            Assert.True(Values("language").SequenceEqual([Language]), id + ": language");
            Assert.True(Values("issued").SequenceEqual([issued]) && Values("modified").SequenceEqual([modified]), id + ": issued/modified are not the forms' dates");
            Assert.True(Values("issued_type").Concat(Values("modified_type")).All(t => t == "http://www.w3.org/2001/XMLSchema#date"), id + ": dates are not xsd:date");
            if (node.GetProperty("kind").GetString() == "distribution")
            {
                Assert.True(Values("byte_size").SequenceEqual(Values("file_size")), id + ": byte size is not the file's");
                Assert.True(Values("download_url").Single().StartsWith(site.BaseUrl, StringComparison.Ordinal), id + ": download URL");
                Assert.True(Values("access_url").SequenceEqual([site.BaseUrl + "data/"]), id + ": access URL is not the data page");
                continue;
            }

            Assert.True(Values("publisher").SequenceEqual([settings.PublisherName]), id + ": publisher name");
            Assert.True(Values("publisher_type").SequenceEqual(["http://purl.org/adms/publishertype/" + settings.PublisherType]), id + ": publisher type");
            Assert.True(Values("contact_name").SequenceEqual([settings.PublisherName]), id + ": contact point fn");
            Assert.True(Values("contact_email").SequenceEqual(["mailto:" + settings.ContactEmail]), id + ": contact e-mail");
            Assert.True(Values("spatial").SequenceEqual(jurisdictions), id + ": spatial is not the jurisdictions");
            Assert.True(Values("start").SequenceEqual([$"{site.Model.Years.Min()}-01-01"]) && Values("end").SequenceEqual([$"{site.Model.Years.Max()}-12-31"]), id + ": temporal is not the budget years");
            Assert.True(Values("theme").All(t => t.StartsWith("http://publications.europa.eu/resource/authority/data-theme/", StringComparison.Ordinal)), id + ": theme");
        }

        var media = root.GetProperty("nodes").EnumerateArray().Where(n => n.GetProperty("kind").GetString() == "distribution")
            .Select(n => n.GetProperty("media_type").EnumerateArray().Single().GetString()!.Split("/media-types/")[1]);
        Assert.Equal(["application/json", DataPageStage.WorkbookMediaType, "text/csv"], media.Distinct().Order(StringComparer.Ordinal));
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
