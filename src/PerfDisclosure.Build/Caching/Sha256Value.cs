using System.Buffers.Binary;
using System.Globalization;

namespace PerfDisclosure.Build.Caching;

/// <summary>
/// A SHA-256 as a 32-byte value instead of its 64-character hex string: what the render cache's indexes hold, one
/// per page (about 120,000 at 100k forms, twice). Its hex (<see cref="ToString"/>) is the digest's, lowercase, and two
/// values order as their hex strings do.
/// </summary>
public readonly record struct Sha256Value(UInt128 High, UInt128 Low) : IComparable<Sha256Value>
{
    /// <summary>The value of a 32-byte digest.</summary>
    public static Sha256Value Of(ReadOnlySpan<byte> digest) =>
        new(BinaryPrimitives.ReadUInt128BigEndian(digest[..16]), BinaryPrimitives.ReadUInt128BigEndian(digest[16..32]));

    /// <summary>The value written as 64 hex digits; false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> hex, out Sha256Value value)
    {
        if (hex.Length == 64
            && UInt128.TryParse(hex[..32], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var high)
            && UInt128.TryParse(hex[32..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var low))
        {
            value = new(high, low);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The digest's 32 bytes.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[32];
        BinaryPrimitives.WriteUInt128BigEndian(bytes.AsSpan(0, 16), High);
        BinaryPrimitives.WriteUInt128BigEndian(bytes.AsSpan(16), Low);
        return bytes;
    }

    public int CompareTo(Sha256Value other) => High != other.High ? High.CompareTo(other.High) : Low.CompareTo(other.Low);

    /// <summary>64 lowercase hex digits.</summary>
    public override string ToString() =>
        High.ToString("x32", CultureInfo.InvariantCulture) + Low.ToString("x32", CultureInfo.InvariantCulture);
}
