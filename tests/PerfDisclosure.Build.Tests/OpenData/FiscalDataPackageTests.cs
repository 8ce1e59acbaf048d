using System.Globalization;
using System.Text.Json;
using Sylvan.Data.Csv;

namespace PerfDisclosure.Build.Tests.OpenData;

/// <summary>
/// A fiscal-data consumer reads the amounts by the Fiscal Data Package annotations of datapackage.json alone:
/// each amount field is an expenditure in CNY with its phase (approved / adjusted / executed) and its unit, either a
/// fixed factor or a unit column whose every value the factors name; each table has its fiscal year. Followed
/// literally on every row of the built CSVs, the annotations turn 金额 into 金额（元） — for content/ and every example site.
/// </summary>
public class FiscalDataPackageTests
{
    [Theory]
    [MemberData(nameof(OpenDataSite.Names), MemberType = typeof(OpenDataSite))]
    public void Every_amount_is_annotated_with_its_unit_phase_and_fiscal_year_and_the_annotations_convert_it_to_yuan(string name)
    {
        var site = OpenDataSite.Get(name);
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(site.Root, "data", "datapackage.json")));
        var root = package.RootElement;
        Assert.Equal("CN", root.GetProperty("countryCode").GetString());
        Assert.Equal($"{site.Model.Years.Min()}-01-01", root.GetProperty("fiscalPeriod").GetProperty("start").GetString());
        Assert.Equal($"{site.Model.Years.Max()}-12-31", root.GetProperty("fiscalPeriod").GetProperty("end").GetString());

        var phases = new Dictionary<string, string>();
        var values = 0;
        foreach (var resource in root.GetProperty("resources").EnumerateArray().Where(r => r.TryGetProperty("schema", out _)))
        {
            var fields = resource.GetProperty("schema").GetProperty("fields").EnumerateArray().ToList();
            var rows = Rows(Path.Combine(site.Root, "data", resource.GetProperty("path").GetString()!));
            var year = Assert.Single(fields, f => Annotation(f, "columnType") == "date:fiscal-year");
            Assert.All(rows, r => Assert.Contains(int.Parse(r[year.GetProperty("name").GetString()!], CultureInfo.InvariantCulture), site.Model.Years));

            foreach (var field in fields.Where(f => Annotation(f, "columnType") == "value"))
            {
                var header = field.GetProperty("name").GetString()!;
                values++;
                Assert.Equal("number", field.GetProperty("type").GetString());
                Assert.Equal(("CNY", "expenditure"), (Annotation(field, "currency"), Annotation(field, "direction")));
                if (Annotation(field, "phase") is { } phase)
                {
                    Assert.Contains(phase, new[] { "approved", "adjusted", "executed" });
                    phases[field.GetProperty("title").GetString()!] = phase;
                }

                // Each non-empty amount converts to yuan by the annotations alone (Yuan fails on a unit with no factor).
                foreach (var row in rows.Where(r => r[header].Length > 0))
                {
                    Yuan(field, row, decimal.Parse(row[header], CultureInfo.InvariantCulture));
                }
            }

            // 金额 (in the layout's unit) and 金额（元）: the first, converted by its annotations, is the second.
            var amountField = fields.SingleOrDefault(f => f.GetProperty("title").GetString() == "amount");
            var yuanField = fields.SingleOrDefault(f => f.GetProperty("title").GetString() == "amount_yuan");
            if (amountField.ValueKind == JsonValueKind.Object && yuanField.ValueKind == JsonValueKind.Object)
            {
                Assert.Equal(1m, yuanField.GetProperty("factor").GetDecimal());
                foreach (var row in rows.Where(r => r[amountField.GetProperty("name").GetString()!].Length > 0))
                {
                    var amount = decimal.Parse(row[amountField.GetProperty("name").GetString()!], CultureInfo.InvariantCulture);
                    Assert.Equal(decimal.Parse(row[yuanField.GetProperty("name").GetString()!], CultureInfo.InvariantCulture), Yuan(amountField, row, amount));
                }
            }
        }

        Assert.True(values >= 5, $"{name}: {values} amount fields");
        Assert.Equal(new Dictionary<string, string> { ["budget"] = "approved", ["adjusted_budget"] = "adjusted", ["executed"] = "executed" }, phases);
    }

    /// <summary>
    /// The funds columns of forms.csv are each form's execution block as its layout declares it by roles (the total
    /// row of fund-rows, whatever the fund sources under it): budget / adjusted / executed are that row's numbers, in
    /// the unit amount_unit names (the layout's), which the annotations convert; the examples with an execution block
    /// of their own (乙省, and 丙省's row per fund source in 元) have forms with such numbers.
    /// </summary>
    [Theory]
    [MemberData(nameof(OpenDataSite.Names), MemberType = typeof(OpenDataSite))]
    public void The_funds_columns_are_each_forms_execution_block_in_its_layouts_unit(string name)
    {
        var site = OpenDataSite.Get(name);
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(site.Root, "data", "datapackage.json")));
        var forms = package.RootElement.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("path").GetString() == "forms.csv");
        var fields = forms.GetProperty("schema").GetProperty("fields").EnumerateArray().ToList();
        string Header(string title) => fields.Single(f => f.GetProperty("title").GetString() == title).GetProperty("name").GetString()!;
        var rows = Rows(Path.Combine(site.Root, "data", "forms.csv")).ToDictionary(r => r[Header("id")]);
        var unit = fields.Single(f => f.GetProperty("title").GetString() == "executed");
        Assert.Equal(Header("amount_unit"), unit.GetProperty("unitField").GetString());

        var filled = 0;
        foreach (var entry in site.Model.Forms.Where(e => e.Layout.PathOf(Core.Layouts.FieldRole.FundRows) is not null))
        {
            var row = rows[entry.Form.Id];
            Assert.Equal(entry.Layout.AmountUnit, row[Header("amount_unit")]);
            foreach (var (role, title) in new[] { (Core.Layouts.FieldRole.Budget, "budget"), (Core.Layouts.FieldRole.AdjustedBudget, "adjusted_budget"), (Core.Layouts.FieldRole.Executed, "executed") })
            {
                var text = row[Header(title)];
                Assert.True(entry.Layout.NumberOf(entry.Form, role) == (text.Length == 0 ? null : decimal.Parse(text, CultureInfo.InvariantCulture)), $"{entry.Form.Id}: {title} is '{text}'");
            }

            filled += row[Header("executed")].Length > 0 ? 1 : 0;
        }

        if (name.StartsWith("province-b", StringComparison.Ordinal) || name.StartsWith("province-c", StringComparison.Ordinal) || name == "content")
        {
            Assert.True(filled > 0, $"{name}: no form has an executed amount in forms.csv");
        }
    }

    /// <summary>An amount in yuan as a fiscal-data reader computes it: a fixed factor, or the factor of the row's unit.</summary>
    private static decimal Yuan(JsonElement field, Dictionary<string, string> row, decimal amount)
    {
        if (field.TryGetProperty("factor", out var factor))
        {
            return amount * factor.GetDecimal();
        }

        var unit = row[field.GetProperty("unitField").GetString()!];
        Assert.True(field.GetProperty("factors").TryGetProperty(unit, out var unitFactor), $"{field.GetProperty("name").GetString()}: unit '{unit}' has no factor");
        return amount * unitFactor.GetDecimal();
    }

    private static string? Annotation(JsonElement field, string name) => field.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static List<Dictionary<string, string>> Rows(string path)
    {
        using var reader = CsvDataReader.Create(new StreamReader(path));
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetString));
        }

        return rows;
    }
}
