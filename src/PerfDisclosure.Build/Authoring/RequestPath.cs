using System.Globalization;
using System.Text;

namespace PerfDisclosure.Build.Authoring;

/// <summary>
/// The path of a request to the preview server, read strictly from the request target as the client sent it: only
/// an origin-form target (<c>/a/b.html?q</c>) of printable ASCII, every <c>%XX</c> a byte of valid UTF-8 (no
/// overlong or truncated sequence), no segment that is empty, <c>.</c> or <c>..</c>, and no control character,
/// slash or backslash once decoded. Anything else is <see cref="Problem"/>, answered 400 (414 when too long), so
/// no hostile path reaches the file system.
/// </summary>
public sealed record RequestPath(IReadOnlyList<string> Segments, bool IsFolder)
{
    /// <summary>Longer request targets are refused before they are decoded (no site URL comes near it).</summary>
    public const int MaxLength = 2048;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Why the target was refused, in English for the server log and the 400 body; null when it was read.</summary>
    public string? Problem { get; private init; }

    /// <summary>The HTTP status for a refused target: 414 when too long, else 400.</summary>
    public int Status => Problem is null ? 200 : TooLong ? 414 : 400;

    /// <summary>The decoded path, <c>/</c>-separated, with a trailing <c>/</c> for a folder.</summary>
    public string Path => "/" + string.Join('/', Segments) + (IsFolder && Segments.Count > 0 ? "/" : "");

    private bool TooLong { get; init; }

    public static RequestPath Parse(string? target)
    {
        if (string.IsNullOrEmpty(target))
        {
            return Refused("an empty request target");
        }

        if (target.Length > MaxLength)
        {
            return Refused($"a request target over {MaxLength} characters") with { TooLong = true };
        }

        if (target[0] != '/')
        {
            return Refused("a request target that is not a path (absolute-form or '*')");
        }

        if (target.Any(c => c is < '!' or > '~' or '\\'))
        {
            return Refused("a raw space, control character, backslash or non-ASCII character in the request target");
        }

        var end = target.IndexOfAny(['?', '#']);
        var raw = (end < 0 ? target : target[..end]).Split('/')[1..];
        var isFolder = raw[^1].Length == 0;
        var segments = new List<string>(raw.Length);
        foreach (var part in isFolder ? raw[..^1] : raw)
        {
            if (Decode(part) is not { } segment)
            {
                return Refused("a '%' that is not followed by two hex digits, or bytes that are not UTF-8");
            }

            if (segment is "" or "." or "..")
            {
                return Refused("an empty, '.' or '..' path segment");
            }

            if (segment.Any(c => char.IsControl(c) || c is '/' or '\\'))
            {
                return Refused("an encoded control character, slash or backslash in the path");
            }

            segments.Add(segment);
        }

        return new RequestPath(segments, isFolder);
    }

    private static RequestPath Refused(string problem) => new([], false) { Problem = problem };

    /// <summary>Percent-decodes one segment to strict UTF-8; null when malformed.</summary>
    private static string? Decode(string part)
    {
        if (!part.Contains('%', StringComparison.Ordinal))
        {
            return part;
        }

        var bytes = new List<byte>(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] != '%')
            {
                bytes.Add((byte)part[i]);
            }
            else if (i + 2 < part.Length && byte.TryParse(part.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            {
                bytes.Add(value);
                i += 2;
            }
            else
            {
                return null;
            }
        }

        try
        {
            return StrictUtf8.GetString([.. bytes]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
