using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Publishing;

/// <summary>An output would leave the site folder or overwrite another output: a bug or a collision, never written.</summary>
public sealed class OutputPathException(string messageZh, string message) : InvalidOperationException(message), IBilingualException
{
    public string MessageZh { get; } = messageZh;

    public string MessageEn => Message;
}
