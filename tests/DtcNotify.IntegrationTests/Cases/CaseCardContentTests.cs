using System.Text.Json;
using System.Text.RegularExpressions;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Intake;
using DtcNotify.IntegrationTests.Infrastructure;
using DtcNotify.TestHarness;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace DtcNotify.IntegrationTests.Cases;

/// <summary>What the posted card says, read from the real Bot Connector traffic: the evidence from the database, and the preview that is the mail that goes out.</summary>
public sealed partial class CaseCardContentTests
{
    [GeneratedRegex(@"\\(.)")]
    private static partial Regex MarkdownEscape();

    private static string Read(string markdown) => MarkdownEscape().Replace(markdown, "$1");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_card_shows_the_evidence_with_its_host_name_and_its_preview_is_the_mail_that_is_sent(string provider)
    {
        var outbox = Directory.CreateTempSubdirectory("dtc-preview-").FullName;
        await using var world = await CardsWorld.StartAsync(provider, new Dictionary<string, string?> { ["Mail:Transport"] = "Pickup", ["Mail:PickupDirectory"] = outbox });
        try
        {
            var id = (await world.AddCasesAsync(1))[0];
            await using (var db = world.Database.CreateContext())
            {
                var import = new FeedImport { Source = "lds", Format = "shadowserver", Kind = "periodic", FileName = "scan_ftp.csv", Sha256 = new string('a', 64), ReceivedAt = DateTimeOffset.UtcNow };
                db.Imports.Add(import);
                await db.SaveChangesAsync();
                db.Observations.Add(new StoredObservation
                {
                    ImportId = import.Id, Line = 2, CompanyId = world.CompanyId, CaseId = id, Threat = "open-ftp-0", MatchedAsset = "192.0.2.0/24",
                    TimeSource = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero), SourceIp = "192.0.2.7", SourcePort = 21, Protocol = "ftp",
                    Taxonomy = "vulnerable", Type = "potentially-unwanted-accessible", SourceReverseDns = "ftp.korst.example", FeedName = "Accessible-FTP",
                    Extra = """{"extra.tag":"ftp-anon"}""",
                });
                await db.SaveChangesAsync();
            }

            var proposed = (await world.WaitForProposedAsync([id]))[0];
            var posted = await world.WaitForCallAsync(call => call.Method == "POST" && call.RawPath.TrimStart('/') == "v3/conversations");
            var card = JsonDocument.Parse(posted.Body).RootElement.GetProperty("activity").GetProperty("attachments")[0].GetProperty("content");
            var texts = Texts(card).Select(Read).ToList();

            Assert.Contains("• 26-11-2026 11:00 CET · 192.0.2.7:21 · ftp.korst.example · ftp · ftp-anon · rapport Accessible-FTP", texts);
            var preview = Preview(card);
            Assert.NotEmpty(preview);

            var (status, _) = await world.InvokeAsync(proposed, "case.approve", CardsWorld.AnnaAad, channel: CaseChannel.Email);
            Assert.Equal(200, status);
            var eml = await WaitForFileAsync(outbox);
            var message = await MimeMessage.LoadAsync(eml);

            Assert.Equal(message.TextBody!.Split('\n').Where(l => l.Trim().Length > 0), preview);
            Assert.Contains(Read(message.Subject!), texts);
            Assert.Contains("192.0.2.7 | 21 | ftp.korst.example | ftp", message.TextBody, StringComparison.Ordinal);
            Assert.Contains("<td>ftp.korst.example</td>", message.HtmlBody, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(outbox, recursive: true);
        }
    }

    private static List<string> Preview(JsonElement card) =>
        [.. card.GetProperty("body").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "ActionSet")
            .SelectMany(e => e.GetProperty("actions").EnumerateArray())
            .Single(a => a.GetProperty("title").GetString() == "Voorbeeld")
            .GetProperty("card").GetProperty("body").EnumerateArray().Select(b => Read(b.GetProperty("text").GetString()!))];

    private static IEnumerable<string> Texts(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Name is "text" or "value" or "title" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Texts(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Texts),
        _ => [],
    };

    private static async Task<string> WaitForFileAsync(string folder) =>
        (await Eventually.Async(() => Task.FromResult(Directory.GetFiles(folder, "*.eml").FirstOrDefault()), file => file is not null, $"a mail in {folder}", TimeSpan.FromSeconds(60)))!;
}
