using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DtcNotify.Bot;
using DtcNotify.Data;
using DtcNotify.Domain.Channels;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Registry;
using DtcNotify.IntegrationTests.Cases;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.Teams.Connector;
using DtcNotify.Registry;
using DtcNotify.Teams.Hosting;
using DtcNotify.Teams.Schema;
using DtcNotify.TestHarness;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DtcNotify.IntegrationTests.Registry;

/// <summary>
/// A large registry import in the running app (100,000 assets) is held open after its last write, with the write lock
/// (SQLite) and its transaction: meanwhile the app answers /healthz, a lookup command and card actions that only show
/// something (their audit entries follow once the lock is free); a card action that changes the case waits its turn on
/// SQLite and completes after the import, never failing.
/// </summary>
public sealed class RegistryImportWhileServingTests
{
    private const int Companies = 10_000;
    private const int AssetsPerCompany = 10;

    private const string TeamsServiceUrl = "https://smba.trafficmanager.net/emea/";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_bot_keeps_answering_while_a_large_registry_import_runs(string provider)
    {
        var hold = new HoldCommit();
        await using var world = await CardsWorld.StartAsync(provider, services: hold.AddTo);
        var c = (await world.WaitForProposedAsync(await world.AddCasesAsync(1)))[0];
        await using (var registered = world.Database.CreateContext())
        {
            registered.Channels.Add(new SpecialistsChannel { TenantId = CardsWorld.Tenant, TeamId = CardsWorld.Team, ChannelId = CardsWorld.Channel, ServiceUrl = TeamsServiceUrl });
            await registered.SaveChangesAsync();
        }

        var file = RegistryCsvReader.Split(LargeRegistry(), "large-registry.csv");
        await using var scope = world.App.Services.CreateAsyncScope();
        hold.Target = scope.ServiceProvider.GetRequiredService<DtcNotifyDbContext>();
        var import = Task.Run(() => scope.ServiceProvider.GetRequiredService<RegistryImporter>().ImportAsync(file, "system:test", default));
        await hold.Reached.Task.WaitAsync(TimeSpan.FromSeconds(120)); // every row written, the transaction still open

        var health = await world.Client.GetAsync("/healthz");
        var lookup = await world.CommandAsync("lookup 01234567", CardsWorld.AnnaAad);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("Korst", lookup, StringComparison.Ordinal);
        Assert.False(import.IsCompleted, "the reads were answered while the import held its transaction");

        // Outside local mode (which the test app runs in) every activity first refreshes the stored service URL: unchanged, that is a read.
        await RefreshServiceUrlAsync(world).WaitAsync(TimeSpan.FromSeconds(5));

        // Card actions that only show something (refresh, the edit form) answer at once on both providers: on SQLite their
        // audit entry waits in the DeferredAuditWriter's queue for the import's write lock, keeping the time of the click.
        var clicked = DateTimeOffset.UtcNow.AddMilliseconds(-1); // PostgreSQL keeps microseconds
        var refresh = await world.InvokeAsync(c, "case.refresh", CardsWorld.AnnaAad);
        var edit = await world.InvokeAsync(c, "case.edit", CardsWorld.AnnaAad);
        var answered = DateTimeOffset.UtcNow;
        Assert.Equal((200, 200), (refresh.Status, edit.Status));
        Assert.False(import.IsCompleted, "the views were answered while the import held its transaction");

        // A change writes: on SQLite it waits its turn (SqliteWriteGate) instead of failing; on PostgreSQL it does not meet the import.
        var reject = world.InvokeAsync(c, "case.reject", CardsWorld.BramAad, new JsonObject { ["reason"] = "known false positive" });
        if (provider == "Sqlite")
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.False(reject.IsCompleted, "the change waited for the import's write lock");
        }
        else
        {
            Assert.Equal(200, (await reject).Status);
            Assert.False(import.IsCompleted, "the change was answered while the import held its transaction");
        }

        // Reads do not wait (WAL): on SQLite the views' entries are still queued, so they are written after the release.
        await using (var during = world.Database.CreateContext())
        {
            Assert.Equal(provider == "Sqlite" ? 0 : 2, await during.AuditEntries.CountAsync(a => a.Action == "case.refresh" || a.Action == "case.edit"));
        }

        hold.Release.SetResult();
        var result = await import;

        Assert.Equal(200, (await reject).Status);
        Assert.Equal((Companies, Companies * AssetsPerCompany), (result.Created, result.Assets));
        Assert.Equal(CaseStatus.Rejected, (await world.CaseAsync(c.Id)).Status);
        await using var db = world.Database.CreateContext();
        Assert.Equal(Companies * AssetsPerCompany, await db.Assets.CountAsync(a => a.CompanyId != world.CompanyId));

        // Every view is audited, in the order of the clicks, at the time of the click (before the import let the write through).
        var views = await Eventually.Async(
            () => db.AuditEntries.AsNoTracking().Where(a => a.Action == "case.refresh" || a.Action == "case.edit").OrderBy(a => a.Id).ToListAsync(),
            entries => entries.Count == 2, "the audit entries of both views", TimeSpan.FromSeconds(60));
        Assert.Equal(["case.refresh", "case.edit"], views.Select(a => a.Action));
        Assert.All(views, a => Assert.Equal((CardsWorld.AnnaAad, c.Reference ?? $"case:{c.Id}"), (a.ActorId, a.Subject)));
        Assert.All(views, a => Assert.InRange(a.At, clicked, answered)); // the click, not the write after the release
        Assert.True(views[0].At <= views[1].At, "the entries' times are in the order of the clicks");
    }

    /// <summary>The registrar as the app builds it with a bot registration (a token-authenticated caller), for an activity from Teams.</summary>
    private static async Task RefreshServiceUrlAsync(CardsWorld world)
    {
        BotOptions registered = new() { AppId = "0b7c4a53-9c1e-4f0e-9a57-1d2e3f405162", AppPassword = "secret", TenantId = CardsWorld.Tenant };
        await using var scope = world.App.Services.CreateAsyncScope();
        var registrar = ActivatorUtilities.CreateInstance<ChannelRegistrar>(scope.ServiceProvider, Microsoft.Extensions.Options.Options.Create(registered), new ServiceUrlPolicy(Microsoft.Extensions.Options.Options.Create(registered)));
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["serviceUrl"] = TeamsServiceUrl,
            ["conversation"] = new JsonObject { ["id"] = CardsWorld.Channel, ["conversationType"] = "channel", ["tenantId"] = CardsWorld.Tenant },
            ["channelData"] = new JsonObject { ["team"] = new JsonObject { ["id"] = CardsWorld.Team }, ["tenant"] = new JsonObject { ["id"] = CardsWorld.Tenant } },
        };
        await registrar.RefreshServiceUrlAsync(JsonSerializer.Deserialize(activity.ToJsonString(), TeamsJsonContext.Default.Activity)!, CancellationToken.None);
    }

    private static byte[] LargeRegistry()
    {
        var csv = new StringBuilder(RegistryImportTests.Header);
        for (var i = 1; i <= Companies; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{20_000_000 + i:D8},Bedrijf {i} B.V.,ICT,nee,nee,Contact {i},security@bedrijf{i}.example,,nl,");
            csv.AppendJoin(' ', Enumerable.Range(0, AssetsPerCompany).Select(j => string.Create(CultureInfo.InvariantCulture, $"d{j}.bedrijf{i}.example"))).Append('\n');
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>Holds the commit of <see cref="Target"/>'s transaction (the import's) until <see cref="Release"/>; other contexts commit as usual.</summary>
    private sealed class HoldCommit : DbTransactionInterceptor
    {
        public DbContext? Target { get; set; }

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void AddTo(IServiceCollection services)
        {
            services.ConfigureDbContext<SqliteDtcNotifyDbContext>((_, o) => o.AddInterceptors(this));
            services.ConfigureDbContext<PostgresDtcNotifyDbContext>((_, o) => o.AddInterceptors(this));
        }

        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (Target is not null && ReferenceEquals(eventData.Context, Target))
            {
                Reached.TrySetResult();
                await Release.Task.WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
            }

            return result;
        }
    }
}
