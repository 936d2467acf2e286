using DtcNotify.TestHarness;

namespace DtcNotify.Teams.Tests.Infrastructure;

/// <summary>One local issuer and one bot host (default settings) per test class.</summary>
public sealed class BotHostFixture : IAsyncLifetime
{
    public LocalOpenIdIssuer Issuer { get; private set; } = null!;

    public BotTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Issuer = await LocalOpenIdIssuer.StartAsync();
        Host = await BotTestHost.StartAsync(Issuer);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
