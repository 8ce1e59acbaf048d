using System.Text.Json;
using PerfDisclosure.Build.OpenData;
using PerfDisclosure.Build.Tests.Search;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.OpenData;

/// <summary>
/// A portal reads the Data Package with the reference JavaScript readers (npm datapackage 1.1.10 + tableschema
/// 1.12.6, installed by <c>npm ci</c> in tests/opendata-readers): every row of every table, cast to its schema,
/// foreign keys resolved, with no error — for content/ and for each example site under docs/examples (other layouts,
/// so other indicator columns and other units).
/// </summary>
public class DataPackageReaderTests
{
    [Theory]
    [MemberData(nameof(OpenDataSite.Names), MemberType = typeof(OpenDataSite))]
    public void The_reference_javascript_reader_reads_every_row_of_every_table_cast_to_its_schema(string name)
    {
        var readers = Path.Combine(Repo.Root, "tests", "opendata-readers");
        var node = Tools.Find("node");
        if (node is null || !Directory.Exists(Path.Combine(readers, "node_modules", "datapackage")))
        {
            Assert.False(Repo.InCi, "node and tests/opendata-readers/node_modules must be installed in CI (.ci/run runs npm ci)");
            Assert.Skip("node or the readers are not installed: run npm ci in tests/opendata-readers");
        }

        var site = OpenDataSite.Get(name);
        var output = Tools.Run(node!, [Path.Combine(readers, "read-package.js"), Path.Combine(site.Root, "data", "datapackage.json")]);
        var read = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(r => r.GetProperty("resource").GetString()!);
        var tables = OpenDataTables.All(site.Model);
        Assert.Equal(tables.Select(t => t.Name).Order(), read.Keys.Order());
        foreach (var table in tables)
        {
            Assert.Equal(table.Rows(site.Model).Count(), read[table.Name].GetProperty("rows").GetInt32());
            Assert.Equal(table.Columns.Select(c => c.Name), read[table.Name].GetProperty("headers").EnumerateArray().Select(h => h.GetString()));
        }
    }
}
