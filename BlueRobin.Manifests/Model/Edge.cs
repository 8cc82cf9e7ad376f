namespace BlueRobin.Manifests.Model;

/// <summary>One allowed call: <see cref="Caller"/> may reach <see cref="Callee"/> on a port.</summary>
public sealed record Edge(string Caller, string Callee, string PortName);

/// <summary>A path the ingress controller may forward from outside the cluster.</summary>
public sealed record PublicRoute(string Workload, string PortName, IReadOnlyList<string> Paths);

/// <summary>
/// A value the parameters Secret must hold. <see cref="UriEncodedFrom"/> names the parameter
/// whose URI-encoded form this one is.
/// </summary>
public sealed record SecretParameter(
    string Key, string? DefaultValue, int GeneratedLength, string? UriEncodedFrom = null);
