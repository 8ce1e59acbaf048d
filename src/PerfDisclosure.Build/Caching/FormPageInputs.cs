using System.Security.Cryptography;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Caching;

/// <summary>
/// What a form's page is made of, as a key far cheaper than its view: the form file (display path, the SHA-256 of
/// its bytes, its file date), its layout and owner, the findings in its file, the forms its page links to
/// (companions and other years, by the same file facts) and one digest of everything site-wide a form's page reads
/// (settings, every organisation, the theme's strings, whether PDFs are linked). A form is a pure function of its
/// file's bytes and path and the theme (which, with the tool, is in every key through <see cref="BuildFingerprints"/>),
/// so two form pages with equal inputs have equal views: a one-form change keys 10,000 pages without building their
/// views. Anything else a form's view came to read would have to be added here (IncrementalBuildTests and
/// ServeRebuildTests compare cached builds with fresh ones).
/// </summary>
/// <param name="Site">The digest of what every form's page reads of the site (<see cref="Keys.Site"/>).</param>
/// <param name="Related">The linked forms' file facts, in the order the page lists them.</param>
public sealed record FormPageInputs(string Site, string Form, string Layout, string Owner, IReadOnlyList<Diagnostic> Findings, IReadOnlyList<string> Related)
{
    /// <summary>The inputs of every form's page of one site model; null for a form whose bytes the loader did not hash (a model made in memory).</summary>
    public sealed class Keys(SiteModel site, bool pdfLinks)
    {
        /// <summary>Made once per build: the site-wide part of every form page's view.</summary>
        public string Site { get; } = Digest(site, pdfLinks);

        public FormPageInputs? Of(FormEntry entry)
        {
            if (File(entry) is not { } form)
            {
                return null;
            }

            var related = new List<string>();
            foreach (var other in site.CompanionsOf(entry).Concat(site.OtherYearsOf(entry)))
            {
                if (File(other) is not { } facts)
                {
                    return null;
                }

                related.Add(facts + "|" + other.Layout.Id + "|" + other.Owner.Id);
            }

            return new(Site, form, entry.Layout.Id, entry.Owner.Id, [.. site.FindingsOf(entry.Form)], related);
        }

        /// <summary>A form file's facts: display path, bytes' hash and file date; null when its bytes were not hashed.</summary>
        private string? File(FormEntry entry) =>
            site.Content.FormHashes.TryGetValue(entry.Form.File, out var hash)
                ? $"{entry.Form.File}|{hash}|{entry.Form.FileDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}"
                : null;

        private static string Digest(SiteModel site, bool pdfLinks)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            BuildFingerprints.Add(hash, "pdf", pdfLinks ? "1" : "0");
            ViewHash.Add(hash, site.Settings);
            ViewHash.Add(hash, site.Content.Organisations.Values.OrderBy(o => o.Id, StringComparer.Ordinal).ToList());
            ViewHash.Add(hash, site.Strings.Script);
            return Convert.ToHexString(hash.GetHashAndReset());
        }
    }
}
