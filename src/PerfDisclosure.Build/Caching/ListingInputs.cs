namespace PerfDisclosure.Build.Caching;

/// <summary>
/// What an organisation's page or an organisation-year page is made of, as a key far cheaper than its view: which
/// page it is and the <see cref="FormPageInputs"/> of every form it lists, in order. Those carry the site-wide digest
/// (settings, every organisation, the theme's strings, whether PDFs are linked) and each form's file facts, and such
/// a page reads nothing else of the site: its totals, charts and year lists are made from its forms. A one-form
/// change then builds the views of that form's two listing pages, not of every organisation's. Anything else such a
/// view came to read would have to be added here (ServeRebuildTests and IncrementalBuildTests compare cached builds
/// with fresh ones).
/// </summary>
public sealed record ListingInputs(string Page, IReadOnlyList<FormPageInputs> Forms)
{
    /// <summary>The inputs of a listing page, or null when a form's are unknown (a form whose bytes the loader did not hash).</summary>
    public static ListingInputs? Of(string page, IEnumerable<FormPageInputs?> forms)
    {
        var known = new List<FormPageInputs>();
        foreach (var form in forms)
        {
            if (form is null)
            {
                return null;
            }

            known.Add(form);
        }

        return new(page, known);
    }
}
