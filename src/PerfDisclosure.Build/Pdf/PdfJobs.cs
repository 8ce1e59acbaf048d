using System.Security.Cryptography;
using PerfDisclosure.Build.Stages;

namespace PerfDisclosure.Build.Pdf;

/// <summary>Which PDFs a site has, each with the HTML it is printed from and the hash that decides whether it must be printed.</summary>
public static class PdfJobs
{
    /// <summary>Name of the compilation's HTML, written beside the organisation's year page for printing and removed after.</summary>
    private const string CompilationSource = ".compilation.print.html";

    /// <summary>Compilations first: they are the longest prints, and starting them first keeps every page busy to the end.</summary>
    public static (IReadOnlyList<PdfJob> Jobs, IReadOnlyList<string> Temporary) Plan(BuildContext context)
    {
        var site = context.Site;
        var root = context.Writer.Root;
        var assets = AssetsHash(context);
        var sourceDate = Publishing.SourceDate.FromEnvironment();
        var jobs = new List<PdfJob>();
        var temporary = new List<string>();
        foreach (var organisation in site.Organisations)
        {
            foreach (var year in site.ByOrganisation[organisation.Id].Select(f => f.Form.Year).Distinct())
            {
                var forms = site.FormsOf(organisation.Id, year).ToList();
                var html = CompilationDocument.Render(context, organisation, year, forms);
                var source = Path.Combine(root, Site.SitePaths.OrganisationYear(organisation.Id, year), CompilationSource);
                File.WriteAllText(source, html);
                temporary.Add(source);
                var title = $"{organisation.Name} {CompilationDocument.Title(site.Strings, forms, year)}";
                var date = ReproduciblePdf.DateOf(sourceDate, forms.Max(f => f.Updated));
                jobs.Add(new PdfJob(PdfPaths.Compilation(organisation.Id, year), source, title, organisation.Name, false, PdfCache.Key(assets, html, title, organisation.Name, date), date, PageHead.Shell(html)));
            }
        }

        foreach (var entry in site.Forms)
        {
            var source = Path.Combine(root, entry.Path, "index.html");
            var title = Rendering.PageRenderer.FormTitle(site.Strings, entry);
            var author = entry.Owner.Name;
            var date = ReproduciblePdf.DateOf(sourceDate, entry.Updated);
            var html = File.ReadAllText(source);
            jobs.Add(new PdfJob(PdfPaths.Form(entry), source, title, author, entry.Layout.Landscape, PdfCache.Key(assets, html, title, author, entry.Layout.Landscape, date), date, PageHead.Shell(html)));
        }

        return (jobs, temporary);
    }

    /// <summary>One hash of every theme asset (styles, fonts): a changed style reprints every PDF.</summary>
    private static string AssetsHash(BuildContext context)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in context.Theme.All.Where(f => f.Name.StartsWith("assets/", StringComparison.Ordinal)))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(file.Name));
            hash.AppendData(file.Read());
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
