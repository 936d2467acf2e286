using System.Net;
using System.Net.Sockets;

namespace DtcNotify.EndToEnd.Infrastructure;

/// <summary>The suite lives on loopback only: ports from the loopback interface, requests only to loopback hosts.</summary>
internal static class Loopback
{
    /// <summary>A port that was free a moment ago; the caller binds it right after (a race we accept in tests).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>127.0.0.0/8, ::1 and the name localhost; nothing that merely starts with "localhost".</summary>
    public static bool IsLoopbackUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
