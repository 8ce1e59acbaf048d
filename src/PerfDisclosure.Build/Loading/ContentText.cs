using System.Text;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation.Rules.Input;

namespace PerfDisclosure.Build.Loading;

/// <summary>
/// Reads a content file as text. Content is UTF-8; files saved by Chinese office software are often GBK or
/// GB18030 instead, and reading those as UTF-8 would publish mojibake. So the bytes are decoded strictly:
/// valid UTF-8 is read as it is; otherwise a file that is valid GB18030 (a superset of GBK and GB2312) is read
/// as GB18030 with a warning; anything else is refused with an error naming what was found.
/// </summary>
public static class ContentText
{
    /// <summary>Larger content files are refused before they are read: the largest real form is about 20 KB.</summary>
    public const long MaxBytes = 1 << 20;

    private static readonly SuggestedFix SaveAsUtf8 = new("把文件另存为 UTF-8 编码", "save the file as UTF-8");

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> StrictGb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <exception cref="ContentException">The file is too large or in an encoding that cannot be read safely.</exception>
    public static string Read(string path, string file, DiagnosticBag diagnostics) => Read(path, file, diagnostics, out _);

    /// <summary>The same, with the SHA-256 (hex) of the bytes read.</summary>
    /// <exception cref="ContentException">The file is too large or in an encoding that cannot be read safely.</exception>
    public static string Read(string path, string file, DiagnosticBag diagnostics, out string sha256)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxBytes)
            {
                throw new ContentException(InputRules.FileTooLarge.Report(SourceSpan.FileOnly(file), $"文件有 {length} 字节，超过上限 {MaxBytes} 字节", $"The file is {length} bytes; the limit is {MaxBytes} bytes", new("把文件拆开，或把长文字移到别的文件", "split it, or move long texts out of it")));
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // One unreadable file is reported with the others, not a crash that hides them.
            throw new ContentException(InputRules.UnreadableFile.Report(SourceSpan.FileOnly(file), $"无法读取文件：检查文件的读取权限，或文件是否正被别的程序占用{OriginalText.InChinese(e.Message)}", $"Cannot read the file: {e.Message}"));
        }

        sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        return Decode(bytes, file, diagnostics);
    }

    /// <summary>Decodes the bytes of <paramref name="file"/>, reporting a non-UTF-8 encoding.</summary>
    public static string Decode(byte[] bytes, string file, DiagnosticBag diagnostics)
    {
        var at = SourceSpan.FileOnly(file);
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        else if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var name = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
            throw new ContentException(InputRules.UnreadableEncoding.Report(at, $"文件编码为 {name}，应为 UTF-8", $"The file is encoded as {name}; content must be UTF-8", SaveAsUtf8));
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException utf8Error)
        {
            string text;
            try
            {
                text = StrictGb18030.Value.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                var offset = utf8Error.Index;
                throw new ContentException(InputRules.UnreadableEncoding.Report(Place(bytes, file, offset), "文件既不是 UTF-8 也不是 GBK/GB18030 编码，无法读取", $"The file is neither UTF-8 nor GBK/GB18030 (invalid byte 0x{bytes[Math.Clamp(offset, 0, bytes.Length - 1)]:X2}); it cannot be read", SaveAsUtf8));
            }

            diagnostics.Report(InputRules.GbkEncoding, at, "文件编码为 GBK/GB18030，已按 GB18030 读取；请另存为 UTF-8", "The file is encoded as GBK/GB18030 and was read as GB18030; save it as UTF-8", SaveAsUtf8);
            return text;
        }
    }

    /// <summary>The line and column of a byte offset, counting lines by their newline bytes (the same in every encoding read here).</summary>
    private static SourceSpan Place(byte[] bytes, string file, int offset)
    {
        offset = Math.Clamp(offset, 0, bytes.Length);
        var before = bytes.AsSpan(0, offset);
        var line = before.Count((byte)'\n') + 1;
        var column = offset - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return new SourceSpan(file, line, column);
    }
}
