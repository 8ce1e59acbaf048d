namespace PerfDisclosure.Build.Publishing;

/// <summary>
/// A folder a build would replace or prune that is not the tool's (the user's files, a repository, an input,
/// the working or home folder, the root): refused before anything is read or written. An I/O failure to callers,
/// so each command shows it as one line, in its <c>--lang</c>, and exits 2.
/// </summary>
public sealed class OutputFolderException(string messageZh, string message) : Reporting.BilingualIOException(messageZh, message);
