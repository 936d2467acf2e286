using DtcNotify.TestHarness;

namespace DtcNotify.IntegrationTests.Infrastructure;

/// <summary>
/// A fact that needs the IMAP server <c>.ci/start-dovecot</c> starts (Debian's dovecot-imapd on loopback). Skipped, with
/// the reason, where <c>DTCNOTIFY_TEST_IMAP</c> is unset; with CI=true it always runs, so a missing server fails the build.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ImapFactAttribute : FactAttribute
{
    public const string Variable = "DTCNOTIFY_TEST_IMAP";

    public ImapFactAttribute() => Skip = Prerequisite.SkipUnlessCi(Server is null
        ? $"No IMAP test server: {Variable} is unset. Run eval \"$(bash .ci/start-dovecot)\" (installs dovecot-imapd) first."
        : null);

    /// <summary><c>host:port:user:password</c> from <see cref="Variable"/>; null when unset.</summary>
    public static (string Host, int Port, string User, string Password)? Server =>
        Environment.GetEnvironmentVariable(Variable)?.Split(':', 4) is [var host, var port, var user, var password]
            ? (host, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture), user, password)
            : null;
}
