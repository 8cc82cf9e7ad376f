using System.Net;
using System.Net.Sockets;

namespace BlueRobin.Testing;

public static class LoopbackPort
{
    /// <summary>A loopback port that was free a moment ago, for a server the test starts.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
