using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DtcNotify.Teams.Hosting;

/// <summary>Maps the bot's messaging endpoint.</summary>
public static class BotEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST {pattern}</c> for the Bot Connector. The endpoint authenticates every request itself (token, serviceurl
    /// claim, endorsement, local mode), so it is marked anonymous for ASP.NET authorization; a host-wide fallback policy
    /// would otherwise demand a different scheme.
    /// </summary>
    public static RouteHandlerBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints
            .MapPost(pattern, (Delegate)HandleAsync)
            .AllowAnonymous()
            .WithName("BotMessages");
    }

    private static Task<IResult> HandleAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<BotMessagesEndpoint>().HandleAsync(context);
}
