namespace PerfDisclosure.Build.Search;

/// <summary>
/// One filter of the search page (year, organisation, jurisdiction, form kind, grade): its labels and, for every
/// document in index order, which label it has, run-length encoded — forms are ordered by organisation and
/// year, so a 10,000-form site needs a few thousand runs, not 10,000 values.
/// </summary>
/// <param name="Values">The labels; "" (no value, e.g. a target form has no grade) is never offered as a filter.</param>
/// <param name="Runs">Pairs of (label index, run length), flattened.</param>
public sealed record SearchFacet(string Key, string Label, IReadOnlyList<string> Values, IReadOnlyList<int> Runs)
{
    public static SearchFacet Of<T>(string key, string label, IReadOnlyList<T> documents, Func<T, string> value, IComparer<string>? order = null)
    {
        var values = documents.Select(value).Distinct(StringComparer.Ordinal).Order(order ?? StringComparer.Ordinal).ToList();
        var index = values.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
        var runs = new List<int>();
        foreach (var document in documents)
        {
            var at = index[value(document)];
            if (runs.Count > 0 && runs[^2] == at)
            {
                runs[^1]++;
            }
            else
            {
                runs.Add(at);
                runs.Add(1);
            }
        }

        return new SearchFacet(key, label, values, runs);
    }
}
