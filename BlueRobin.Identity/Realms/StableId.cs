using System.Security.Cryptography;
using System.Text;

namespace BlueRobin.Identity.Realms;

/// <summary>
/// A UUID derived from a name, for users the realm file gives no <c>id</c>: the same user keeps
/// the same subject across restarts, which resource servers rely on for ownership.
/// </summary>
public static class StableId
{
    public static string For(string realm, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{realm}/{name}"));
        var bytes = hash.AsSpan(0, 16).ToArray();

        // RFC 9562 version 8 (custom) with the standard variant bits.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
