namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A PostgreSQL server run from the machine's own binaries, for machines without a container
/// engine. It answers on loopback only, with password authentication.
/// </summary>
public sealed class LocalPostgresServerResource(
    string name, string command, string dataDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory: dataDirectory),
        IResourceWithConnectionString
{
    public const string EndpointName = "tcp";
    public const string UserName = "postgres";

    /// <summary>Where the cluster lives: <c>data/</c> inside it, sockets and the password file beside.</summary>
    public string DataDirectory { get; } = dataDirectory;

    public ParameterResource Password { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};"
        + $"Port={PrimaryEndpoint.Property(EndpointProperty.Port)};"
        + $"Username={UserName};Password={Password}");
}

/// <summary>
/// A database on a <see cref="LocalPostgresServerResource"/>, owned by a role of its own:
/// the services that reference it connect as that role, never as the superuser.
/// </summary>
public sealed class LocalPostgresDatabaseResource(
    string name, string databaseName, LocalPostgresServerResource parent,
    ParameterResource ownerPassword)
    : Resource(name), IResourceWithParent<LocalPostgresServerResource>,
        IResourceWithConnectionString
{
    public string DatabaseName { get; } = databaseName;

    /// <summary>The role that owns the database (and so may create its tables).</summary>
    public string OwnerName => $"{DatabaseName}_owner";

    public ParameterResource OwnerPassword { get; } = ownerPassword;

    public LocalPostgresServerResource Parent { get; } = parent;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={Parent.PrimaryEndpoint.Property(EndpointProperty.Host)};"
        + $"Port={Parent.PrimaryEndpoint.Property(EndpointProperty.Port)};"
        + $"Username={OwnerName};Password={OwnerPassword};Database={DatabaseName}");
}
