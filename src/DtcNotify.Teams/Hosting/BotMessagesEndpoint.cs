using DtcNotify.Teams.Authentication;
using DtcNotify.Teams.Routing;
using DtcNotify.Teams.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using DtcNotify.Text;

namespace DtcNotify.Teams.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: authenticate, parse, then answer invokes inline and queue everything else.
/// Authentication lives here rather than in an ASP.NET auth scheme because half of it needs the body
/// (serviceurl claim vs activity.serviceUrl, endorsement vs channelId, local mode vs serviceUrl).
/// </summary>
internal sealed partial class BotMessagesEndpoint(
    BotTokenValidator tokenValidator,
    ActivityInbox queue,
    IOptions<BotOptions> options,
    ILogger<BotMessagesEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var caller = await AuthenticateCallerAsync(context).ConfigureAwait(false);
        if (caller is null)
        {
            return Results.Unauthorized();
        }

        var read = await ActivityReader.ReadAsync(context.Request, options.Value.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (read.TooLarge)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (read.Activity is not { Type.Length: > 0 } activity)
        {
            return Results.BadRequest();
        }

        var authorization = ActivityAuthorization.Check(caller, activity);
        if (!authorization.Succeeded)
        {
            Log.Rejected(logger, authorization.FailureReason, PrintableText.Safe(activity.Id), PrintableText.Safe(activity.Conversation?.Id));
            return Results.Unauthorized();
        }

        using var scope = logger.BeginScope(ActivityLogScope.For(activity));
        if (activity.IsType(ActivityTypes.Invoke))
        {
            return await InvokeAsync(context, activity).ConfigureAwait(false);
        }

        if (!queue.TryEnqueue(activity))
        {
            Log.QueueFull(logger, PrintableText.Safe(activity.Id));
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Ok();
    }

    private async Task<IResult> InvokeAsync(HttpContext context, Activity activity)
    {
        // Its own timeout, not RequestAborted: a client that hangs up must not cancel work halfway through.
        using var timeout = new CancellationTokenSource(options.Value.InvokeTimeout);
        var services = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        await using (services.ConfigureAwait(false))
        {
            var dispatcher = services.ServiceProvider.GetRequiredService<ActivityDispatcher>();
            var response = await dispatcher.InvokeAsync(activity, timeout.Token).ConfigureAwait(false);
            return response.Body is { } body
                ? Results.Json(body, TeamsJsonContext.Default.JsonElement, statusCode: response.HttpStatus)
                : Results.StatusCode(response.HttpStatus);
        }
    }
}
