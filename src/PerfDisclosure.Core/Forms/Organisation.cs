using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Forms;

/// <summary>A budget unit, department or other organisation, described once and referenced by id.</summary>
public sealed record Organisation(string Id, string Name, string Jurisdiction, SourceSpan Where);
