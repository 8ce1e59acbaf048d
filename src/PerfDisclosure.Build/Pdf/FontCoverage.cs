using System.Buffers.Binary;
using System.Collections;
using System.Text.Json;

namespace PerfDisclosure.Build.Pdf;

/// <summary>
/// Which characters the engine's fonts can print: the code points every font named in <c>pdf-engine/fonts.json</c>
/// maps to a glyph (the TrueType <c>cmap</c> table, formats 4 and 12). The documents are typeset without fallback, so a
/// character outside it prints as the font's empty glyph, with no warning from Typst: the build warns instead (PD0811).
/// </summary>
public sealed class FontCoverage
{
    private const int CodePoints = 0x110000;

    private readonly BitArray covered;

    private FontCoverage(BitArray covered) => this.covered = covered;

    /// <summary>The engine's font list: where worker.js also reads which font files it gives the compiler.</summary>
    public const string FontList = "fonts.json";

    /// <summary>The font files of an installed engine, as <c>fonts.json</c> names them (a package and its files).</summary>
    public static IReadOnlyList<string> FontFiles(string engineFolder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(engineFolder, FontList)));
        var package = json.RootElement.GetProperty("package").GetString() ?? string.Empty;
        var folder = Path.Combine([engineFolder, "node_modules", .. package.Split('/')]);
        return [.. json.RootElement.GetProperty("files").EnumerateArray().Select(f => Path.Combine(folder, f.GetString() ?? string.Empty))];
    }

    /// <summary>The characters every one of the fonts prints (a bold cell is typeset in the bold font only).</summary>
    public static FontCoverage Of(IEnumerable<string> fontFiles)
    {
        BitArray? all = null;
        foreach (var file in fontFiles)
        {
            var one = Read(File.ReadAllBytes(file));
            all = all is null ? one : all.And(one);
        }

        return new(all ?? new BitArray(CodePoints));
    }

    /// <summary>Whether the fonts print this character; white space and control characters print nothing and count as printed.</summary>
    public bool Prints(int codePoint) =>
        codePoint is < 0x20 or (>= 0x7f and < 0xa0) || (codePoint < CodePoints && covered[codePoint]) || (codePoint <= char.MaxValue && char.IsWhiteSpace((char)codePoint));

    /// <summary>The characters of a text the fonts do not print, each once, in order of first appearance.</summary>
    public IEnumerable<int> Missing(string text)
    {
        HashSet<int>? seen = null;
        for (var i = 0; i < text.Length; i++)
        {
            int c = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                c = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }

            if (!Prints(c) && (seen ??= []).Add(c))
            {
                yield return c;
            }
        }
    }

    /// <summary>The code points a TrueType or OpenType font's Unicode cmap maps to a glyph other than .notdef.</summary>
    public static BitArray Read(byte[] font)
    {
        var bits = new BitArray(CodePoints);
        var data = font.AsSpan();
        var tables = BinaryPrimitives.ReadUInt16BigEndian(data[4..]);
        var cmap = -1;
        for (var t = 0; t < tables; t++)
        {
            var record = data.Slice(12 + (16 * t), 16);
            if (record[..4].SequenceEqual("cmap"u8))
            {
                cmap = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            }
        }

        if (cmap < 0)
        {
            return bits;
        }

        var encodings = BinaryPrimitives.ReadUInt16BigEndian(data[(cmap + 2)..]);
        for (var e = 0; e < encodings; e++)
        {
            var record = data.Slice(cmap + 4 + (8 * e), 8);
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(record[2..]);
            if (platform is not (0 or 3) || (platform == 3 && encoding is not (1 or 10)))
            {
                continue;
            }

            var sub = data[(cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(record[4..]))..];
            switch (BinaryPrimitives.ReadUInt16BigEndian(sub))
            {
                case 4: Format4(sub, bits); break;
                case 12: Format12(sub, bits); break;
            }
        }

        return bits;
    }

    private static void Format4(ReadOnlySpan<byte> sub, BitArray bits)
    {
        var segments = BinaryPrimitives.ReadUInt16BigEndian(sub[6..]) / 2;
        var ends = 14;
        var starts = ends + (2 * segments) + 2;
        var deltas = starts + (2 * segments);
        var offsets = deltas + (2 * segments);
        for (var s = 0; s < segments; s++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(sub[(ends + (2 * s))..]);
            int start = BinaryPrimitives.ReadUInt16BigEndian(sub[(starts + (2 * s))..]);
            var delta = BinaryPrimitives.ReadInt16BigEndian(sub[(deltas + (2 * s))..]);
            int offset = BinaryPrimitives.ReadUInt16BigEndian(sub[(offsets + (2 * s))..]);
            for (var c = start; c <= end && c != 0xffff; c++)
            {
                int glyph;
                if (offset == 0)
                {
                    glyph = (c + delta) & 0xffff;
                }
                else
                {
                    var at = offsets + (2 * s) + offset + (2 * (c - start));
                    glyph = BinaryPrimitives.ReadUInt16BigEndian(sub[at..]);
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xffff;
                }

                if (glyph != 0)
                {
                    bits[c] = true;
                }
            }
        }
    }

    private static void Format12(ReadOnlySpan<byte> sub, BitArray bits)
    {
        var groups = BinaryPrimitives.ReadUInt32BigEndian(sub[12..]);
        for (var g = 0; g < groups; g++)
        {
            var group = sub.Slice(16 + (12 * g), 12);
            var start = BinaryPrimitives.ReadUInt32BigEndian(group);
            var end = Math.Min(BinaryPrimitives.ReadUInt32BigEndian(group[4..]), CodePoints - 1);
            var glyph = BinaryPrimitives.ReadUInt32BigEndian(group[8..]);
            for (var c = start; c <= end; c++, glyph++)
            {
                if (glyph != 0)
                {
                    bits[(int)c] = true;
                }
            }
        }
    }
}
