using System.Security.Cryptography;
using PerfDisclosure.Build.Caching;

namespace PerfDisclosure.Build.Tests.Caching;

public sealed class Sha256ValueTests
{
    [Fact]
    public void A_digest_keeps_its_hex_its_bytes_and_the_order_of_its_hex()
    {
        var digests = Enumerable.Range(0, 200).Select(i => SHA256.HashData(BitConverter.GetBytes(i))).ToArray();
        foreach (var digest in digests)
        {
            var value = Sha256Value.Of(digest);
            Assert.Equal(Convert.ToHexStringLower(digest), value.ToString());
            Assert.Equal(digest, value.ToBytes());
            Assert.True(Sha256Value.TryParse(Convert.ToHexStringLower(digest), out var parsed));
            Assert.Equal(value, parsed);
        }

        var byHex = digests.Select(Convert.ToHexStringLower).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(byHex, digests.Select(d => Sha256Value.Of(d)).Order().Select(v => v.ToString()).ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("00000000000000000000000000000000000000000000000000000000000000000")]
    public void Anything_but_64_hex_digits_is_not_a_value(string text) => Assert.False(Sha256Value.TryParse(text, out _));
}
