using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DtcNotify.Data.Configurations;

internal sealed class CardBatchConfiguration : IEntityTypeConfiguration<CardBatch>
{
    public void Configure(EntityTypeBuilder<CardBatch> builder)
    {
        builder.ToTable("card_batches");
        builder.HasOne<FeedImport>().WithMany().HasForeignKey(b => b.ImportId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(b => b.ConversationId).HasMaxLength(400);
        builder.Property(b => b.ActivityId).HasMaxLength(200);
    }
}
