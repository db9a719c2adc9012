using OrderProcessing.Core.Common;

namespace OrderProcessing.Core.Tests.Common;

/// <summary>Cursors are opaque, bound to their listing and key, and anything else is a validation error on <c>cursor</c>.</summary>
public class CursorCodecTests
{
    private static readonly Dictionary<string, string> Position = new() { ["t"] = "638777777777777777", ["id"] = "ord_01J0000000000000000000000" };

    private readonly CursorCodec _codec = new("test-key");

    [Test]
    public void RoundTrip_ReturnsThePosition()
    {
        var cursor = _codec.Encode("status:PAID", Position);

        Assert.That(_codec.Decode("status:PAID", cursor), Is.EquivalentTo(Position));
    }

    [Test]
    public void RoundTrip_PreservesAnyText()
    {
        var position = new Dictionary<string, string> { ["id"] = "ünïcødé \"quoted\" \\ / 😀", ["empty"] = "" };

        Assert.That(_codec.Decode("all", _codec.Encode("all", position)), Is.EquivalentTo(position));
    }

    [Test]
    public void Cursor_IsUrlSafe() =>
        Assert.That(_codec.Encode("customer:c-42", Position), Does.Match("^[A-Za-z0-9_-]+$"));

    [Test]
    public void Encode_IsIndependentOfTheOrderOfFields()
    {
        var reversed = Position.Reverse().ToDictionary(p => p.Key, p => p.Value);

        Assert.That(_codec.Encode("all", reversed), Is.EqualTo(_codec.Encode("all", Position)));
    }

    [Test]
    public void Decode_ForAnotherScope_IsRejected() =>
        AssertRejected(() => _codec.Decode("status:PENDING", _codec.Encode("status:PAID", Position)));

    [Test]
    public void Decode_WithAnotherKey_IsRejected() =>
        AssertRejected(() => new CursorCodec("other-key").Decode("all", _codec.Encode("all", Position)));

    [Test]
    public void Decode_WithAnyPayloadByteChanged_IsRejected()
    {
        var bytes = Bytes(_codec.Encode("all", Position));

        for (var i = 0; i < bytes.Length - 16; i++)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[i] ^= 0x01;
            AssertRejected(() => _codec.Decode("all", Base64Url(tampered)));
        }
    }

    [Test]
    public void Decode_WithAnyMacByteChanged_IsRejected()
    {
        var bytes = Bytes(_codec.Encode("all", Position));

        for (var i = bytes.Length - 16; i < bytes.Length; i++)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[i] ^= 0x80;
            AssertRejected(() => _codec.Decode("all", Base64Url(tampered)));
        }
    }

    [Test]
    public void Decode_WithAForgedPayloadReusingAValidMac_IsRejected()
    {
        var bytes = Bytes(_codec.Encode("all", Position));
        var mac = bytes[^16..];
        var forged = System.Text.Encoding.UTF8.GetBytes("{\"id\":\"ord_x\",\"t\":\"1\"}").Concat(mac).ToArray();

        AssertRejected(() => _codec.Decode("all", Base64Url(forged)));
    }

    [Test]
    public void Decode_Truncated_IsRejected()
    {
        var cursor = _codec.Encode("all", Position);

        AssertRejected(() => _codec.Decode("all", cursor[..^4]));
        AssertRejected(() => _codec.Decode("all", cursor[..20]));
    }

    [TestCase("")]
    [TestCase("not a cursor")]
    [TestCase("%%%%")]
    [TestCase("A")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("eyJpZCI6Im9yZF8xIn0")]
    public void Decode_Garbage_IsRejected(string cursor) =>
        AssertRejected(() => _codec.Decode("all", cursor));

    [Test]
    public void Decode_Oversized_IsRejected() =>
        AssertRejected(() => _codec.Decode("all", new string('A', 5000)));

    [Test]
    public void Decode_ValidMacOverANonJsonPayload_IsRejected()
    {
        // Only a holder of the key could make this; it must still fail as a validation error, not a crash.
        var payload = "not json"u8.ToArray();
        var mac = System.Security.Cryptography.HMACSHA256.HashData("test-key"u8, "all\n"u8.ToArray().Concat(payload).ToArray())[..16];

        AssertRejected(() => _codec.Decode("all", Base64Url(payload.Concat(mac).ToArray())));
    }

    [Test]
    public void Codec_RequiresAKey() =>
        Assert.Throws<ArgumentException>(() => _ = new CursorCodec(""));

    private static void AssertRejected(TestDelegate decode)
    {
        var e = Assert.Throws<ValidationException>(decode);
        Assert.That(e.Errors.Keys, Is.EquivalentTo(new[] { "cursor" }));
    }

    private static byte[] Bytes(string cursor)
    {
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
