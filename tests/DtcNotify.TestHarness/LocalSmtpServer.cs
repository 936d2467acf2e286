using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace DtcNotify.TestHarness;

/// <summary>A real SMTP server in-process on a free loopback port; keeps every accepted message's raw bytes.</summary>
public sealed class LocalSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly ConcurrentQueue<byte[]> _messages = new();

    private LocalSmtpServer(int port, IReadOnlyCollection<string> rejectedRecipients)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_messages));
        services.Add(new Filter(rejectedRecipients));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>The raw RFC 5322 messages accepted so far, in order.</summary>
    public IReadOnlyList<byte[]> Messages => [.. _messages];

    /// <param name="rejectedRecipients">Addresses the server refuses with 550 at RCPT TO.</param>
    public static LocalSmtpServer Start(params string[] rejectedRecipients) => new(FreePort(), rejectedRecipients);

    /// <summary>A loopback port nobody listens on (for "connection refused").</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<byte[]> messages) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            messages.Enqueue(buffer.ToArray());
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class Filter(IReadOnlyCollection<string> rejected) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!rejected.Contains($"{to.User}@{to.Host}", StringComparer.OrdinalIgnoreCase));
    }
}
