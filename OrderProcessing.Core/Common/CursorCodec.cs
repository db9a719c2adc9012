using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OrderProcessing.Core.Common;

/// <summary>
/// Opaque page cursors: a position (string fields) bound to the query it belongs to, base64url encoded with a
/// keyed checksum. A cursor edited by hand, or replayed against another query, is rejected with a validation
/// error on <c>cursor</c> instead of reaching the store.
/// </summary>
public sealed class CursorCodec
{
    private readonly byte[] _key;

    /// <summary>Creates a codec; cursors made with one key are rejected by a codec with another.</summary>
    public CursorCodec(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        _key = Encoding.UTF8.GetBytes(key);
    }

    /// <summary>The codec used when no key is configured. Cursors stay valid across processes using it.</summary>
    public static CursorCodec Default { get; } = new("order-processing-cursor-v1");

    /// <summary>Encodes <paramref name="position"/> for the query identified by <paramref name="scope"/>.</summary>
    public string Encode(string scope, IReadOnlyDictionary<string, string> position)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new SortedDictionary<string, string>(position.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal), CursorJsonContext.Default.SortedDictionaryStringString);
        var mac = Mac(scope, payload);
        var bytes = new byte[payload.Length + mac.Length];
        payload.CopyTo(bytes, 0);
        mac.CopyTo(bytes, payload.Length);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Decodes a cursor made by <see cref="Encode"/> for the same scope, or throws a validation error.</summary>
    public IReadOnlyDictionary<string, string> Decode(string scope, string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        const int macLength = 16;
        byte[] bytes;
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            bytes = cursor.Length is > 0 and <= 4096 ? Convert.FromBase64String(base64) : [];
        }
        catch (FormatException)
        {
            throw Invalid();
        }

        if (bytes.Length <= macLength)
        {
            throw Invalid();
        }

        var payload = bytes.AsSpan(0, bytes.Length - macLength).ToArray();
        if (!CryptographicOperations.FixedTimeEquals(bytes.AsSpan(bytes.Length - macLength), Mac(scope, payload)))
        {
            throw Invalid();
        }

        try
        {
            return JsonSerializer.Deserialize(payload, CursorJsonContext.Default.SortedDictionaryStringString) ?? throw Invalid();
        }
        catch (JsonException)
        {
            throw Invalid();
        }
    }

    private byte[] Mac(string scope, byte[] payload)
    {
        var scoped = Encoding.UTF8.GetBytes(scope + "\n").Concat(payload).ToArray();
        return HMACSHA256.HashData(_key, scoped).AsSpan(0, 16).ToArray();
    }

    private static ValidationException Invalid() => ValidationException.ForField("cursor", "is not a cursor returned by this listing");
}
