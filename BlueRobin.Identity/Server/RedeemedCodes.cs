using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace BlueRobin.Identity.Server;

/// <summary>
/// Makes authorization codes single-use. In degraded mode OpenIddict keeps no token store, so a
/// self-contained code would otherwise be redeemable until it expires; Keycloak refuses a second
/// redemption, and so does this. Memory only: a restart forgets, but a code lives one minute.
/// </summary>
public sealed class RedeemedCodes(TimeProvider clock)
{
    /// <summary>Longer than any code lives, so a replay is caught here or by expiry.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _redeemed = new();

    /// <summary>True the first time a code is seen; false for any replay.</summary>
    public bool TryRedeem(string code)
    {
        var now = clock.GetUtcNow();
        foreach (var (seen, forgetAt) in _redeemed)
        {
            if (forgetAt < now)
            {
                _redeemed.TryRemove(seen, out _);
            }
        }

        // Only a digest is kept: the set must not become a store of usable codes.
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
        return _redeemed.TryAdd(digest, now + Retention);
    }
}
