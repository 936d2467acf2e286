using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace DtcNotify.IntegrationTests.Infrastructure;

/// <summary>
/// The in-memory test server leaves the caller's address empty; the tests' requests do come from this process, so they
/// are marked as loopback callers, which is what the bot's local mode checks for.
/// </summary>
internal sealed class LoopbackCaller : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}
