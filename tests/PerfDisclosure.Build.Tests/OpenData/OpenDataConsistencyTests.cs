using System.Globalization;
using System.Text;
using System.Text.Json;
using PerfDisclosure.Build.OpenData;
using Sylvan.Data.Csv;

namespace PerfDisclosure.Build.Tests.OpenData;

/// <summary>A portal downloads site/data/: every file agrees with forms.json and with the Data Package that describes it.</summary>
public class OpenDataConsistencyTests
{
    private static readonly BuiltSite Site = BuiltSite.Content;

    [Fact]
    public void Csv_files_are_utf8_without_a_bom_and_with_chinese_headers()
    {
        foreach (var table in OpenDataTables.All(Site.Model))
        {
            var bytes = File.ReadAllBytes(Path.Combine(Site.Root, table.Path));
            Assert.NotEqual([0xEF, 0xBB, 0xBF], bytes[..3]);
            var text = Encoding.UTF8.GetString(bytes);
            Assert.Contains("上海市", text, StringComparison.Ordinal);
            Assert.StartsWith("表单编号,", text, StringComparison.Ordinal);
            Assert.DoesNotContain(",'=", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Each_table_counts_the_rows_of_its_csv_without_making_them_and_the_data_page_says_so()
    {
        var page = Site.Read("data/index.html");
        foreach (var table in OpenDataTables.All(Site.Model))
        {
            using var csv = CsvDataReader.Create(Path.Combine(Site.Root, table.Path));
            var lines = 0;
            while (csv.Read())
            {
                lines++;
            }

            Assert.Equal(table.Rows(Site.Model).Count(), table.Count(Site.Model));
            Assert.Equal(lines, table.Count(Site.Model));
            Assert.Contains($"{table.Title}：共 {lines} 行。", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Forms_csv_has_the_department_executed_and_rate_and_indicators_csv_the_unit_and_project()
    {
        var forms = Read("data/forms.csv");
        var selfEvaluations = forms.Where(r => r["kind"] == "self-evaluation").ToList();
        Assert.NotEmpty(selfEvaluations);
        Assert.All(forms, r => Assert.NotEqual(string.Empty, r["department"]));
        Assert.All(selfEvaluations, r => Assert.NotEqual(string.Empty, r["executed"]));
        Assert.All(selfEvaluations, r => Assert.NotEqual(string.Empty, r["execution_rate"]));
        var names = forms.ToDictionary(r => r["id"], r => (r["owner_name"], r["project_name"]));
        Assert.All(Read("data/indicators.csv"), r => Assert.Equal(names[r["form_id"]], (r["owner_name"], r["project_name"])));
    }

    [Fact]
    public void Every_form_in_forms_json_is_in_forms_csv_and_its_indicators_in_indicators_csv()
    {
        using var json = JsonDocument.Parse(Site.Read("data/forms.json"));
        var forms = Read("data/forms.csv").ToDictionary(r => r["id"]);
        var indicators = Read("data/indicators.csv").GroupBy(r => r["form_id"]).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(47, json.RootElement.GetArrayLength());
        Assert.Equal(47, forms.Count);
        foreach (var form in json.RootElement.EnumerateArray())
        {
            var id = form.GetProperty("id").GetString()!;
            var row = forms[id];
            Assert.Equal(form.GetProperty("project_name").GetString(), row["project_name"]);
            Assert.Equal(form.GetProperty("year").GetInt32().ToString(CultureInfo.InvariantCulture), row["year"]);
            var amount = form.GetProperty("amount");
            Assert.Equal(amount.ValueKind == JsonValueKind.Null ? string.Empty : amount.GetDecimal().ToString(CultureInfo.InvariantCulture), row["amount"]);
            var expected = form.GetProperty("indicators").EnumerateArray().ToList();
            var actual = indicators.GetValueOrDefault(id) ?? [];
            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(expected.Count.ToString(CultureInfo.InvariantCulture), row["indicator_count"]);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal((i + 1).ToString(CultureInfo.InvariantCulture), actual[i]["row"]);
                Assert.Equal(expected[i].TryGetProperty("level3", out var l3) ? l3.GetString() : string.Empty, actual[i]["level3"]);
                if (expected[i].TryGetProperty("target", out var target))
                {
                    Assert.Equal(target.ValueKind == JsonValueKind.Object ? target.GetProperty("published").GetString() : target.ToString(), actual[i]["target"]);
                }
            }
        }
    }

    [Fact]
    public void Datapackage_schemas_match_the_files_they_describe()
    {
        using var package = JsonDocument.Parse(Site.Read("data/datapackage.json"));
        Assert.Equal("https://datapackage.org/profiles/2.0/datapackage.json", package.RootElement.GetProperty("$schema").GetString());
        var described = 0;
        foreach (var resource in package.RootElement.GetProperty("resources").EnumerateArray())
        {
            var path = "data/" + resource.GetProperty("path").GetString();
            Assert.True(File.Exists(Path.Combine(Site.Root, path)), path);
            if (!resource.TryGetProperty("schema", out var schema))
            {
                continue;
            }

            described++;
            var fields = schema.GetProperty("fields").EnumerateArray().ToList();
            using var reader = CsvDataReader.Create(new StreamReader(Path.Combine(Site.Root, path)));
            var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            Assert.Equal(fields.Select(f => f.GetProperty("name").GetString()), header);
            foreach (var key in schema.GetProperty("primaryKey").EnumerateArray())
            {
                Assert.Contains(key.GetString(), header);
            }

            // Every cell is valid for its declared type.
            while (reader.Read())
            {
                foreach (var field in fields)
                {
                    var cell = reader.GetString(reader.GetOrdinal(field.GetProperty("name").GetString()!));
                    Assert.True(cell.Length == 0 || IsValid(field.GetProperty("type").GetString()!, cell), $"{path}: '{cell}' is not a {field.GetProperty("type").GetString()}");
                }
            }
        }

        Assert.Equal(2, described);
    }

    [Fact]
    public void The_data_page_tells_a_program_every_renamed_header_and_says_how_to_cite_and_under_which_licence()
    {
        var page = Site.Page(PerfDisclosure.Build.Site.SitePaths.Data);
        var shown = page.QuerySelectorAll("#data-changes tbody tr").Select(r => (r.Children[0].TextContent, r.Children[1].TextContent, r.Children[2].TextContent)).ToList();

        // From the Data Package, not the code that wrote the page: every field whose stable identifier (title) is not its header.
        using var package = JsonDocument.Parse(Site.Read("data/datapackage.json"));
        var renamed = package.RootElement.GetProperty("resources").EnumerateArray().Where(r => r.TryGetProperty("schema", out _))
            .SelectMany(r => r.GetProperty("schema").GetProperty("fields").EnumerateArray()
                .Where(f => f.GetProperty("title").GetString() != f.GetProperty("name").GetString())
                .Select(f => (r.GetProperty("path").GetString()!, f.GetProperty("title").GetString()!, f.GetProperty("name").GetString()!)))
            .ToList();
        Assert.Equal(renamed, shown);
        Assert.Contains(("indicators.csv", "form_id", "表单编号"), shown);

        using var catalog = JsonDocument.Parse(Site.Read("data/catalog.jsonld"));
        var licence = page.QuerySelector("a[rel=license]")!;
        Assert.Contains(licence.GetAttribute("href")!, catalog.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(Site.Model.Settings.LicenceName, licence.TextContent);
        var citation = page.QuerySelector("#data-citation")!.TextContent;
        Assert.Contains(Site.Model.Settings.PublisherName, citation, StringComparison.Ordinal);
        Assert.Contains(BuiltSite.BaseUrl + "data/", citation, StringComparison.Ordinal);
        Assert.Contains("UTF-8", page.QuerySelector("#readme-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_is_json_ld_with_a_dcat_dataset_for_every_distribution()
    {
        using var catalog = JsonDocument.Parse(Site.Read("data/catalog.jsonld"));
        var root = catalog.RootElement;
        var context = root.GetProperty("@context");
        string Expand(string term)
        {
            var colon = term.IndexOf(':', StringComparison.Ordinal);
            return context.GetProperty(term[..colon]).GetString() + term[(colon + 1)..];
        }

        Assert.Equal("http://www.w3.org/ns/dcat#Catalog", Expand(root.GetProperty("@type").GetString()!));
        var datasets = root.GetProperty(Prefixed(context, "http://www.w3.org/ns/dcat#", "dataset")).EnumerateArray().ToList();
        var downloads = new List<string>();
        foreach (var dataset in datasets)
        {
            Assert.Equal("http://www.w3.org/ns/dcat#Dataset", Expand(dataset.GetProperty("@type").GetString()!));
            Assert.False(string.IsNullOrEmpty(dataset.GetProperty("dct:title").GetProperty("@value").GetString()));
            foreach (var distribution in dataset.GetProperty("dcat:distribution").EnumerateArray())
            {
                Assert.Equal("http://www.w3.org/ns/dcat#Distribution", Expand(distribution.GetProperty("@type").GetString()!));
                downloads.Add(distribution.GetProperty("dcat:downloadURL").GetProperty("@id").GetString()!);
            }
        }

        Assert.Equal(
            ["data/forms.csv", "data/forms.json", "data/forms.xlsx", "data/forms.xlsx", "data/indicators.csv"],
            downloads.Select(d => d.StartsWith(BuiltSite.BaseUrl, StringComparison.Ordinal) ? d[BuiltSite.BaseUrl.Length..] : d).Order());
        Assert.All(downloads, d => Assert.True(File.Exists(Path.Combine(Site.Root, d[BuiltSite.BaseUrl.Length..])), d));
    }

    [Fact]
    public void Data_page_explains_each_file_with_schema_org_dataset_markup()
    {
        var html = Site.Read("data/index.html");
        var start = html.IndexOf("<script type=\"application/ld+json\">", StringComparison.Ordinal);
        Assert.True(start > 0);
        start += "<script type=\"application/ld+json\">".Length;
        var json = html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)];
        using var dataset = JsonDocument.Parse(json);
        Assert.Equal("Dataset", dataset.RootElement.GetProperty("@type").GetString());
        Assert.Equal(BuiltSite.BaseUrl + "data/", dataset.RootElement.GetProperty("url").GetString());
        Assert.Contains(dataset.RootElement.GetProperty("distribution").EnumerateArray(), d => d.GetProperty("contentUrl").GetString() == BuiltSite.BaseUrl + "data/forms.csv");
        foreach (var file in new[] { "forms.csv", "indicators.csv", "forms.json", "datapackage.json", "catalog.jsonld" })
        {
            Assert.Matches($"href=\"[./]*(data/)?{System.Text.RegularExpressions.Regex.Escape(file)}\"", html);
        }
    }

    [Fact]
    public void Each_form_page_links_its_own_json()
    {
        foreach (var entry in Site.Model.Forms)
        {
            Assert.Contains("href=\"form.json\"", Site.Read(entry.Path + "index.html"), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(Site.Root, entry.Path, "form.json")));
        }
    }

    private static string Prefixed(JsonElement context, string iri, string local) =>
        context.EnumerateObject().First(p => p.Value.GetString() == iri).Name + ":" + local;

    private static bool IsValid(string type, string cell) => type switch
    {
        "integer" => long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "number" => decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
        "boolean" => cell is "true" or "false",
        "date" => DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => true,
    };

    /// <summary>A CSV's rows keyed by the columns' stable English identifiers (the schema's titles), as a program joins them.</summary>
    private static List<Dictionary<string, string>> Read(string path)
    {
        var identifiers = OpenDataTables.All(Site.Model).Single(t => t.Path == path).Columns.ToDictionary(c => c.Name, c => c.Identifier);
        using var reader = CsvDataReader.Create(new StreamReader(Path.Combine(Site.Root, path)));
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(i => identifiers[reader.GetName(i)], reader.GetString));
        }

        return rows;
    }
}
