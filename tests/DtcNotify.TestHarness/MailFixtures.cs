using System.Reflection;
using System.Text;

namespace DtcNotify.TestHarness;

/// <summary>
/// The mailbox fixtures (<c>Mail/*.eml</c>): replies, bounces, auto-replies, hostile and unmatched mail, written for issue
/// #18. Placeholders tie a fixture to what the test sent: <c>{{NOTIFICATION_MESSAGE_ID}}</c>, <c>{{NOTIFICATION_ID}}</c>,
/// <c>{{CASE}}</c>, <c>{{RECIPIENT}}</c> (the address we wrote to), <c>{{FROM}}</c> (the sender) and <c>{{OUR}}</c> (our mailbox).
/// </summary>
public static class MailFixtures
{
    public static string Text(string name, MailFixtureValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var stream = typeof(MailFixtures).Assembly.GetManifestResourceStream($"DtcNotify.TestHarness.Mail.{name}")
            ?? throw new ArgumentException($"no mail fixture {name}", nameof(name));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd()
            .Replace("{{NOTIFICATION_MESSAGE_ID}}", $"{values.NotificationId:N}@{values.OurDomain}", StringComparison.Ordinal)
            .Replace("{{NOTIFICATION_ID}}", values.NotificationId.ToString("D"), StringComparison.Ordinal)
            .Replace("{{CASE}}", values.CaseReference, StringComparison.Ordinal)
            .Replace("{{RECIPIENT_LOCAL}}", values.Recipient.Split('@')[0], StringComparison.Ordinal)
            .Replace("{{RECIPIENT}}", values.Recipient, StringComparison.Ordinal)
            .Replace("{{FROM}}", values.From, StringComparison.Ordinal)
            .Replace("{{OUR}}", values.Our, StringComparison.Ordinal);
        // Mail travels with CRLF line ends.
        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
    }

    public static byte[] Bytes(string name, MailFixtureValues values) => Encoding.UTF8.GetBytes(Text(name, values));

    /// <summary>A syntactically valid reply of about <paramref name="bytes"/> bytes (a big attachment), for the size limit.</summary>
    public static byte[] Huge(long bytes, MailFixtureValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var head = $"From: <{values.From}>\r\nTo: <{values.Our}>\r\nSubject: big {values.CaseReference}\r\nMessage-ID: <huge-{Guid.NewGuid():N}@korst.example>\r\nMIME-Version: 1.0\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n";
        var line = new string('A', 76) + "\r\n";
        var builder = new StringBuilder(head, (int)Math.Min(int.MaxValue, bytes + 1000));
        while (builder.Length < bytes)
        {
            builder.Append(line);
        }

        return Encoding.ASCII.GetBytes(builder.ToString());
    }

    public static IEnumerable<string> Names => typeof(MailFixtures).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("DtcNotify.TestHarness.Mail.", StringComparison.Ordinal))
        .Select(n => n["DtcNotify.TestHarness.Mail.".Length..]);
}

/// <summary>What the placeholders of a fixture stand for.</summary>
public sealed record MailFixtureValues(Guid NotificationId, string CaseReference, string Recipient, string From, string Our = "meldingen@dtc.example")
{
    public string OurDomain => Our[(Our.IndexOf('@', StringComparison.Ordinal) + 1)..];

    /// <summary>Values for tests that need no real notification.</summary>
    public static MailFixtureValues Sample { get; } = new(
        Guid.Parse("0b7c4a53-9c1e-4f0e-9a57-1d2e3f405162"), "DTC-2026-000042", "piet@korst.example", "piet@korst.example");
}
