using DtcNotify.Data;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Companies;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Benchmarks.Invoke;

/// <summary>A fresh SQLite database with <c>count</c> proposed cases, each of its own company with an e-mail contact, each with its own (fake) thread.</summary>
internal static class InvokeSeed
{
    public const string Channel = "19:benchchannel@thread.tacv2";

    public static async Task<IReadOnlyList<long>> CreateAsync(string connectionString, int count)
    {
        await using var db = new SqliteDtcNotifyDbContext(new DbContextOptionsBuilder<SqliteDtcNotifyDbContext>().UseSqlite(connectionString).Options);
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var now = DateTimeOffset.UtcNow;
        var companies = Enumerable.Range(0, count).Select(i => new Company
        {
            Kvk = (10_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Name = $"Bench company {i}",
            Contacts = [new Contact { Name = "Contact", Email = $"it{i}@bench{i}.example" }],
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        db.Companies.AddRange(companies);
        await db.SaveChangesAsync();
        var cases = companies.Select(c => new ThreatCase
        {
            CompanyId = c.Id, Threat = "open-ftp", Kind = "periodic", Severity = "high", Channel = CaseChannel.Email, Language = "nl",
            Measures = ["Close port 21"], ObservationCount = 1, CreatedAt = now, UpdatedAt = now,
        }).ToList();
        db.Cases.AddRange(cases);
        await db.SaveChangesAsync();
        foreach (var c in cases)
        {
            c.Reference = $"DTC-2026-{c.Id:D6}";
            c.MarkProposed($"{Channel};messageid={c.Id}", c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, now);
        }

        await db.SaveChangesAsync();
        return [.. cases.Select(c => c.Id)];
    }

    /// <summary>Notifications per approved case: the bench requires exactly one each.</summary>
    public static async Task<(int Approved, int CasesWithOneNotification, int Notifications, int Sent)> OutcomeAsync(string connectionString)
    {
        await using var db = new SqliteDtcNotifyDbContext(new DbContextOptionsBuilder<SqliteDtcNotifyDbContext>().UseSqlite(connectionString).Options);
        var approved = await db.Cases.CountAsync(c => c.ApprovedAt != null);
        var perCase = await db.Notifications.GroupBy(n => n.CaseId).Select(g => g.Count()).ToListAsync();
        var sent = await db.Notifications.CountAsync(n => n.Status == Domain.Notifications.NotificationStatus.Sent);
        return (approved, perCase.Count(n => n == 1), perCase.Sum(), sent);
    }
}
