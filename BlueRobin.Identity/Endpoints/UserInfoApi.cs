using BlueRobin.Identity.Realms;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BlueRobin.Identity.Endpoints;

/// <summary>The userinfo endpoint: OpenIddict has validated the access token.</summary>
public static class UserInfoApi
{
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static RouteGroupBuilder MapUserInfoApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(RealmPaths.UserInfo).WithTags("UserInfo");
        group.MapMethods("/", [HttpMethods.Get, HttpMethods.Post], Describe);
        return group;
    }

    private static async Task<Results<Ok<Dictionary<string, object>>, ChallengeHttpResult>>
        Describe(HttpContext http, RealmDirectory realm)
    {
        var result = await http.AuthenticateAsync(Scheme);
        var user = realm.FindUserById(result.Principal?.GetClaim(Claims.Subject));
        if (user is not { Enabled: true })
        {
            return TypedResults.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] =
                        "The user of the token is not active.",
                }),
                [Scheme]);
        }

        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [Claims.Subject] = user.Id,
            [Claims.PreferredUsername] = user.Username,
        };
        AddIfPresent(claims, Claims.Email, user.Email);
        if (user.Email is not null)
        {
            claims[Claims.EmailVerified] = user.EmailVerified;
        }

        AddIfPresent(claims, Claims.Name, user.FullName);
        AddIfPresent(claims, Claims.GivenName, user.FirstName);
        AddIfPresent(claims, Claims.FamilyName, user.LastName);
        return TypedResults.Ok(claims);
    }

    private static void AddIfPresent(Dictionary<string, object> claims, string type, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            claims[type] = value;
        }
    }
}
