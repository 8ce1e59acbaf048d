using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Reporting;

/// <summary>
/// An I/O failure the tool words itself, in Chinese and English (<see cref="IBilingualException"/>): a file that
/// exists already, a folder that cannot be swapped, a port that cannot be listened on. Where it wraps the system's
/// failure, the Chinese says that one with <see cref="SystemFailure.Chinese"/> and the English quotes its message.
/// </summary>
public class BilingualIOException(string messageZh, string message, Exception? inner = null) : IOException(message, inner), IBilingualException
{
    public string MessageZh { get; } = messageZh;

    public string MessageEn => Message;
}
