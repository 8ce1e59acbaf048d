namespace PerfDisclosure.Build.Publishing;

/// <summary>An output would leave the site folder or overwrite another output: a bug or a collision, never written.</summary>
public sealed class OutputPathException(string message) : InvalidOperationException(message);
