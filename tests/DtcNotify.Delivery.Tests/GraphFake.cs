using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph;
using MimeKit;
using DtcNotify.Delivery.Graph;
using WireMock.Logging;
using WireMock;
using WireMock.Server;

namespace DtcNotify.Delivery.Tests;

/// <summary>A local fake Graph (WireMock.Net over real HTTP) and a real GraphServiceClient pointed at it, as production builds it.</summary>
public sealed class GraphFake : IDisposable
{
    public GraphFake() => Server = WireMockServer.Start();

    public WireMockServer Server { get; }

    public string BaseUrl => Server.Url + "/v1.0";

    public GraphServiceClient Client(TimeSpan? timeout = null, int maxRetries = 3, TimeSpan? maxRetryAfter = null, ILogger? logger = null, TimeProvider? clock = null) =>
        GraphClientBuilder.Create(
            new GraphConnection(BaseUrl, null, null, null, timeout ?? TimeSpan.FromSeconds(10), maxRetries, maxRetryAfter),
            clock ?? TimeProvider.System,
            logger ?? NullLogger.Instance);

    public IReadOnlyList<ILogEntry> Requests(string method, string path) =>
        [.. Server.LogEntries.Where(e => e.RequestMessage.Method == method && e.RequestMessage.Path == path)];

    /// <summary>
    /// The message of a MIME-form sendMail: asserts the request is <c>text/plain</c> and decodes its base64 body.
    /// </summary>
    public static MimeMessage SentMime(IRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Assert.StartsWith("text/plain", Assert.Single(request.Headers!["Content-Type"]), StringComparison.Ordinal);
        return MimeMessage.Load(new MemoryStream(Convert.FromBase64String(request.Body!)));
    }

    public void Dispose() => Server.Dispose();
}
