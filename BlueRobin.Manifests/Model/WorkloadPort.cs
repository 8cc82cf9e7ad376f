namespace BlueRobin.Manifests.Model;

/// <summary>A port a workload's container serves, named after its Aspire binding.</summary>
public sealed record WorkloadPort(string Name, int Number, string Scheme, ProxyProtocol Protocol);

/// <summary>How Linkerd's inbound proxy should treat a port (Server <c>proxyProtocol</c>).</summary>
public enum ProxyProtocol
{
    Http1,
    Http2,
    Opaque,
}

public static class ProxyProtocolNames
{
    public static string ToLinkerd(this ProxyProtocol protocol) => protocol switch
    {
        ProxyProtocol.Http1 => "HTTP/1",
        ProxyProtocol.Http2 => "HTTP/2",
        _ => "opaque",
    };
}
