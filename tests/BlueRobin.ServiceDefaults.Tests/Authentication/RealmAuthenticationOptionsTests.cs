using BlueRobin.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BlueRobin.ServiceDefaults.Tests.Authentication;

public sealed class RealmAuthenticationOptionsTests
{
    private const string InCluster = "http://identity:8080/realms/bluerobin";
    private const string Public = "https://identity.example.test/realms/bluerobin";

    [Fact]
    public void TokensMustNameTheAuthorityWhenNoIssuerIsSet()
    {
        var jwt = JwtOptions(("Identity:Authority", InCluster),
            ("Identity:AllowInsecureAuthority", "true"));

        Assert.Equal(InCluster, jwt.TokenValidationParameters.ValidIssuer);
        Assert.Equal(InCluster, jwt.Authority);
    }

    [Fact]
    public void TokensMustNameThePublicIssuerWhileKeysComeFromTheAuthority()
    {
        var jwt = JwtOptions(("Identity:Authority", InCluster), ("Identity:Issuer", Public),
            ("Identity:AllowInsecureAuthority", "true"));

        Assert.Equal(Public, jwt.TokenValidationParameters.ValidIssuer);
        Assert.Equal(InCluster, jwt.Authority);
        Assert.Equal(["RS256"], jwt.TokenValidationParameters.ValidAlgorithms);
        Assert.Equal("ocr-worker", jwt.TokenValidationParameters.ValidAudience);
    }

    [Fact]
    public void AnHttpAuthorityIsRefusedUnlessAllowedByName()
    {
        var exception = Assert.Throws<OptionsValidationException>(
            () => JwtOptions(("Identity:Authority", InCluster)));

        Assert.Contains("Identity:AllowInsecureAuthority", exception.Message);
    }

    private static JwtBearerOptions JwtOptions(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.AddRealmAuthentication("ocr-worker");
        using var services = builder.Services.BuildServiceProvider();
        _ = services.GetRequiredService<IOptions<RealmAuthenticationOptions>>().Value;
        return services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>()
            .Get(JwtBearerDefaults.AuthenticationScheme);
    }
}
