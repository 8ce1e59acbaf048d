namespace PerfDisclosure.Build.Rendering.Charts;

/// <summary>One bar: its label, its value, and the value as the page prints it.</summary>
public sealed record ChartBar(string Label, decimal Value, string Display);
