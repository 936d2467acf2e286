using System.Security.Cryptography;
using System.Text;
using DtcNotify.Intake;
using DtcNotify.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DtcNotify.IntegrationTests.Intake.FeedIntakeTestData;

namespace DtcNotify.IntegrationTests.Intake;

/// <summary>An import is recorded under the hash of the bytes it parsed, never under the hash of an earlier state of the file.</summary>
public sealed class IngestSameBytesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_that_changes_between_hash_and_parse_is_not_imported_and_imports_under_its_final_hash_later(string provider)
    {
        await using var database = await WithRegistryAsync(provider);
        await using var app = new DtcNotifyApp(database, settings: Settings());
        using var file = new TempFile(IntelMqEvents(DateTimeOffset.UtcNow), "events.json");
        var final = Encoding.UTF8.GetBytes(IntelMqEvents(DateTimeOffset.UtcNow, "open-telnet"));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var ingest = scope.ServiceProvider.GetRequiredService<IngestService>();
            var changing = new IngestRequest(file.Path, "events.json", "lds") { Open = () => new ChangingFile(file.Path, final) };
            var error = await Assert.ThrowsAsync<IOException>(() => ingest.IngestAsync(changing, CancellationToken.None));
            Assert.Contains("changed while it was being read", error.Message, StringComparison.Ordinal);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.Imports.CountAsync());
            Assert.Equal(0, await db.Observations.CountAsync());
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<IngestService>().IngestAsync(new IngestRequest(file.Path, "events.json", "lds"), CancellationToken.None);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(final)), result.Sha256);
        }

        await using (var check = database.CreateContext())
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(final)), (await check.Imports.SingleAsync()).Sha256);
            Assert.All(await check.Observations.ToListAsync(), o => Assert.Equal("open-telnet", o.Threat));
        }
    }

    /// <summary>A partner still writing: the file's bytes change after they were hashed and sniffed, before they are parsed.</summary>
    private sealed class ChangingFile(string path, byte[] final) : FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)
    {
        private int _rewinds;

        public override long Position
        {
            get => base.Position;
            set
            {
                if (++_rewinds == 2)
                {
                    File.WriteAllBytes(Name, final);
                }

                base.Position = value;
            }
        }
    }
}
