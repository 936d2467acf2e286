using System.Globalization;
using DtcNotify.Feeds;
using DtcNotify.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using DtcNotify.Text;

namespace DtcNotify.Intake.Http;

/// <summary>
/// <c>POST /api/feeds/{source}</c>: a partner's IntelMQ REST output (one event, an array or JSON lines), authenticated with
/// the source's API key. The answer is the import summary of <c>ingest --json</c>; a duplicate answers 200 with duplicate=true.
/// </summary>
internal static partial class FeedUploadEndpoint
{
    public static IEndpointRouteBuilder MapFeedUploads(this IEndpointRouteBuilder app)
    {
        // Anonymous to the bot's authentication: the per-source API key is checked in the handler.
        var group = app.MapGroup("/api/feeds").AllowAnonymous().WithTags("Feed intake");
        group.MapPost("/{source}", UploadAsync);
        return app;
    }

    private static async Task<Results<Ok<IngestResult>, UnauthorizedHttpResult, ProblemHttpResult>> UploadAsync(
        string source, HttpRequest request, ApiKeyVerifier keys, IngestService ingest, IOptions<FeedsOptions> feeds, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(FeedUploadEndpoint));

        // One answer for an unknown source, a source without a key, a missing key and a wrong key: no hint which sources exist.
        if (keys.Verify(source, ApiKeyVerifier.PresentedKey(request)) is not { } name)
        {
            Log.Unauthorized(logger, PrintableText.Safe(source.Length > 64 ? source[..64] : source)); // unauthenticated input
            return TypedResults.Unauthorized();
        }

        var maxBytes = feeds.Value.MaxFileBytes;
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(logger, name, maxBytes);
        }

        await using var body = await SpooledBody.ReadAsync(request, maxBytes, cancellationToken);
        if (body is null)
        {
            return TooLarge(logger, name, maxBytes);
        }

        var fileName = string.Create(CultureInfo.InvariantCulture, $"api-{name}-{clock.GetUtcNow():yyyyMMdd'T'HHmmssfff'Z'}.json");
        try
        {
            // RequestAborted is fine here: the import is one transaction, so a client that gives up leaves nothing and can retry.
            var result = await ingest.IngestAsync(new IngestRequest(body.Path, fileName, name) { Format = FeedFormat.IntelMq }, cancellationToken);
            Log.Accepted(logger, PrintableText.Safe(name), result.Import, result.Observations, result.Duplicate);
            return TypedResults.Ok(result);
        }
        catch (IngestRefusedException e)
        {
            Log.Refused(logger, PrintableText.Safe(name), PrintableText.Safe(e.Message));
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "The feed was refused");
        }
    }

    private static ProblemHttpResult TooLarge(ILogger logger, string source, long maxBytes)
    {
        Log.TooLarge(logger, PrintableText.Safe(source), maxBytes);
        return TypedResults.Problem($"The body is larger than Feeds:MaxFileBytes ({maxBytes} bytes).", statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Feed too large");
    }

    private static partial class Log
    {
        [LoggerMessage(2601, LogLevel.Warning, "Feed upload refused: no valid API key for source '{Source}'")]
        public static partial void Unauthorized(ILogger logger, string source);

        [LoggerMessage(2602, LogLevel.Warning, "Feed upload from '{Source}' refused: larger than {MaxBytes} bytes")]
        public static partial void TooLarge(ILogger logger, string source, long maxBytes);

        [LoggerMessage(2603, LogLevel.Warning, "Feed upload from '{Source}' refused: {Reason}")]
        public static partial void Refused(ILogger logger, string source, string reason);

        [LoggerMessage(2604, LogLevel.Information, "Feed upload from '{Source}': import {Import}, {Observations} observations (duplicate: {Duplicate})")]
        public static partial void Accepted(ILogger logger, string source, string import, int observations, bool duplicate);
    }
}
