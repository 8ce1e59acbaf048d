namespace PerfDisclosure.Build.Stages;

/// <summary>
/// A stage that writes site-wide downloads (the CSV tables, the workbooks, the data package, the catalogue): files made
/// from every form that no page shows. <c>serve</c> makes them after the pages are published
/// (<see cref="SiteBuilder.PagesPublished"/>), so the open page reloads without waiting for them. A download stage
/// may read what the stages before it wrote; no other stage may read what a download stage writes.
/// </summary>
public interface IDownloadStage : IOutputStage;
