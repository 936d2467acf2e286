using DtcNotify.Domain.Mailbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DtcNotify.Data.Configurations;

internal sealed class MailboxCursorConfiguration : IEntityTypeConfiguration<MailboxCursor>
{
    public void Configure(EntityTypeBuilder<MailboxCursor> builder)
    {
        builder.ToTable("mailbox_cursors");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(400);
        // A Graph delta link carries an opaque token of a few hundred to a few thousand characters.
        builder.Property(c => c.Value).HasMaxLength(8000);
    }
}
