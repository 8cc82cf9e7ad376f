namespace BlueRobin;

/// <summary>The Keycloak realm BlueRobin signs users in with, and the names it defines.</summary>
public static class Realm
{
    public const string Name = "bluerobin";

    /// <summary>The fixed port of the identity provider, so that the issuer is stable.</summary>
    public const int IdentityPort = 8080;

    public static class Roles
    {
        public const string Archivist = "archivist";
    }

    public static class Clients
    {
        public const string Cli = "bluerobin-cli";
        public const string ArchivesApi = ResourceNames.ArchivesApi;
    }

    /// <summary>The issuer of tokens for a provider whose base address is <paramref name="baseUrl"/>.</summary>
    public static string IssuerFor(string baseUrl) => $"{baseUrl.TrimEnd('/')}/realms/{Name}";
}
