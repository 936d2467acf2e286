using System.Text.Json;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DtcNotify.Data.Configurations;

internal sealed class ThreatCaseConfiguration : IEntityTypeConfiguration<ThreatCase>
{
    public void Configure(EntityTypeBuilder<ThreatCase> builder)
    {
        builder.ToTable("cases");
        builder.HasOne<Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.Reference).IsUnique();
        builder.HasIndex(c => new { c.CompanyId, c.Threat });
        builder.HasIndex(c => c.Status);
        builder.Property(c => c.Reference).HasMaxLength(20);
        builder.Property(c => c.Threat).HasMaxLength(200);
        builder.Property(c => c.Kind).HasMaxLength(20);
        builder.Property(c => c.Severity).HasMaxLength(10);
        builder.Property(c => c.Channel).HasMaxLength(10);
        builder.Property(c => c.Suppression).HasMaxLength(30);
        builder.Property(c => c.Language).HasMaxLength(2);
        builder.Property(c => c.Status).HasMaxLength(20)
            .HasConversion(s => s.ToName(), s => CaseStatusNames.Parse(s));
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<CardBatch>().WithMany().HasForeignKey(c => c.BatchId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.ConversationId).HasMaxLength(400);
        builder.Property(c => c.ActivityId).HasMaxLength(200);
        builder.Property(c => c.PostClaimedBy).HasMaxLength(200);
        builder.Property(c => c.ApprovedById).HasMaxLength(100);
        builder.Property(c => c.ApprovedByName).HasMaxLength(200);
        builder.Property(c => c.RejectReason).HasMaxLength(1000);
        builder.Property(c => c.LastAction).HasMaxLength(200);
        builder.Property(c => c.LastActorName).HasMaxLength(200);
        builder.Property(c => c.DeliveryError).HasMaxLength(1000);
        builder.Property(c => c.Remediation).HasMaxLength(20);
        builder.Property(c => c.RemediationSource).HasMaxLength(64);
        builder.Property(c => c.RemediationReport).HasMaxLength(200);
        builder.Property(c => c.NotifiedChannel).HasMaxLength(10);
        builder.Property(c => c.RemediationEvent).HasMaxLength(20);
        builder.Property(c => c.RemediationClaimedBy).HasMaxLength(200);
        builder.HasIndex(c => new { c.RemediationSource, c.RemediationReport });
        builder.HasIndex(c => c.RemediationImportId);
        builder.Property(c => c.CloseReason).HasMaxLength(1000);
        builder.Property(c => c.Measures).HasConversion(Json(CaseJsonContext.Default.ListString), ListComparer<string>());
        builder.Property(c => c.Tlp).HasMaxLength(12);
        builder.Property(c => c.Explanation).HasConversion(Json(CaseJsonContext.Default.ListCriterionResult), ListComparer<CriterionResult>());
    }

    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> Json<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : new() => new(v => JsonSerializer.Serialize(v, type), s => JsonSerializer.Deserialize(s, type) ?? new T());

    // Structural, not via JSON: change detection runs this for every tracked case, and serialising made imports quadratic.
    private static ValueComparer<List<T>> ListComparer<T>() => new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        v => v.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        v => v.ToList());
}
