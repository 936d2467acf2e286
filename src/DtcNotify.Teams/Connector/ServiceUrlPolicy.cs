using DtcNotify.Teams.Authentication;
using DtcNotify.Teams.Hosting;
using Microsoft.Extensions.Options;

namespace DtcNotify.Teams.Connector;

/// <summary>
/// Where the bot's token may go (teams-protocol §B.4): https Teams connector hosts, or a loopback serviceUrl in local mode.
/// Anything else is refused before a request is sent, so a forged or misconfigured serviceUrl cannot harvest the token.
/// Local mode never sends a token: not to loopback, and Teams hosts are not called at all. The channel registrar checks a
/// serviceUrl here before it stores it. Not sealed: a test may trust its loopback fake connector with a token.
/// </summary>
public class ServiceUrlPolicy(IOptions<BotOptions> options)
{
    private const string TrafficManagerHost = "smba.trafficmanager.net"; // exact: trafficmanager.net is a shared namespace

    /// <summary>How a call to <paramref name="serviceUrl"/> is authorised.</summary>
    public virtual ServiceUrlTrust Evaluate(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (!serviceUrl.IsAbsoluteUri || !string.IsNullOrEmpty(serviceUrl.UserInfo))
        {
            return ServiceUrlTrust.Refused;
        }

        if (options.Value.AllowUnauthenticatedLocal)
        {
            // Local mode: the Agents Playground (or a test connector) on this machine, and never a token.
            return (serviceUrl.Scheme == Uri.UriSchemeHttp || serviceUrl.Scheme == Uri.UriSchemeHttps) && Loopback.IsLoopbackHost(serviceUrl.Host)
                ? ServiceUrlTrust.WithoutToken
                : ServiceUrlTrust.Refused;
        }

        return IsTeamsHost(serviceUrl) && options.Value.HasCredentials ? ServiceUrlTrust.WithToken : ServiceUrlTrust.Refused;
    }

    /// <summary>Whether the bot may call (and so store) this serviceUrl at all.</summary>
    public bool Allows(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && Evaluate(uri) != ServiceUrlTrust.Refused;

    /// <summary>True for https URLs on Teams' connector hosts.</summary>
    public static bool IsTeamsHost(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        var host = uri.IdnHost;
        return string.Equals(host, TrafficManagerHost, StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".teams.microsoft.com", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".teams.microsoft.us", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>The outcome of <see cref="ServiceUrlPolicy.Evaluate"/>.</summary>
public enum ServiceUrlTrust
{
    Refused = 0,
    WithToken = 1,
    WithoutToken = 2,
}
