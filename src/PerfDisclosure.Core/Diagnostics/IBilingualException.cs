namespace PerfDisclosure.Core.Diagnostics;

/// <summary>
/// A failure the tool words itself, in both languages like a <see cref="Diagnostic"/>: <see cref="MessageZh"/>
/// (the default) and <see cref="MessageEn"/> (<c>--lang en</c>), which is also the exception's
/// <see cref="Exception.Message"/>, so logs and debuggers read English as before. A command that ends on one prints
/// the message of its <c>--lang</c> as one line (Cli/Invocation); the system's own exceptions, English only, are
/// worded in Chinese by Build/Reporting/SystemFailure instead.
/// </summary>
public interface IBilingualException
{
    /// <summary>The message in Chinese: what is wrong, where (the path), and what to do.</summary>
    string MessageZh { get; }

    /// <summary>The message in English.</summary>
    string MessageEn { get; }

    string MessageIn(string language) => MessageLanguage.In(language, MessageZh, MessageEn);
}
