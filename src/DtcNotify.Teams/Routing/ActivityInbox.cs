using System.Threading.Channels;
using DtcNotify.Teams.Hosting;
using DtcNotify.Teams.Schema;
using Microsoft.Extensions.Options;

namespace DtcNotify.Teams.Routing;

/// <summary>
/// Messages and updates wait here so the HTTP request is acknowledged at once (the connector expects a fast 200).
/// Bounded: when full, the endpoint answers 503 rather than growing without limit.
/// </summary>
internal sealed class ActivityInbox(IOptions<BotOptions> options)
{
    private readonly Channel<Activity> _channel = Channel.CreateBounded<Activity>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public bool TryEnqueue(Activity activity) => _channel.Writer.TryWrite(activity);

    public IAsyncEnumerable<Activity> ReadAllAsync(CancellationToken cancellationToken) =>
        _channel.Reader.ReadAllAsync(cancellationToken);
}
