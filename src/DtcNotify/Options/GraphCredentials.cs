namespace DtcNotify.Options;

internal static class GraphCredentials
{
    /// <summary>App-only credentials are needed unless Graph:BaseUrl is a loopback test server.</summary>
    public static void Require(GraphOptions graph, ValidationErrors errors, string because)
    {
        errors.RequireUrl(graph.BaseUrl, "Graph:BaseUrl");
        if (ValidationErrors.IsLoopbackUrl(graph.BaseUrl))
        {
            return;
        }

        var when = $" when {because}";
        errors.RequireValue(graph.TenantId, "Graph:TenantId", when);
        errors.RequireValue(graph.ClientId, "Graph:ClientId", when);
        errors.RequireValue(graph.ClientSecret, "Graph:ClientSecret", when);
    }
}
