using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Authoring;

/// <summary>
/// A <c>new</c> request that cannot be scaffolded (an unknown layout or organisation, a year out of range, a name
/// the build would refuse), in Chinese and English: <c>new</c> prints the one its <c>--lang</c> asks for and exits 2.
/// </summary>
public sealed class ScaffoldException(string messageZh, string message) : ArgumentException(message), IBilingualException
{
    public string MessageZh { get; } = messageZh;

    public string MessageEn => Message;
}
