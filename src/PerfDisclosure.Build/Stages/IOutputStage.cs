namespace PerfDisclosure.Build.Stages;

/// <summary>One step after validation that writes part of the site (pages, data, search index, PDFs …).</summary>
public interface IOutputStage
{
    /// <summary>Short name shown in the build summary.</summary>
    string Name { get; }

    void Run(BuildContext context);
}
