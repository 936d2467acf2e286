using System.Text.RegularExpressions;
using MimeKit;

namespace DtcNotify.Mailbox.Classification;

/// <summary>
/// The SPF/DKIM/DMARC verdict of the topmost <c>Authentication-Results</c> header: the one our own mail boundary added last
/// (RFC 8601). Headers further down may have been written by the sender and prove nothing.
/// </summary>
internal static partial class AuthenticationVerdict
{
    public static string? Read(MimeMessage message)
    {
        var header = message.Headers.FirstOrDefault(h => h.Field.Equals("Authentication-Results", StringComparison.OrdinalIgnoreCase));
        if (header is null)
        {
            return null;
        }

        var verdicts = new List<string>();
        foreach (var method in new[] { "spf", "dkim", "dmarc" })
        {
            var match = Result().Matches(header.Value).FirstOrDefault(m => m.Groups["method"].Value.Equals(method, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                verdicts.Add($"{method.ToUpperInvariant()} {match.Groups["result"].Value.ToLowerInvariant()}");
            }
        }

        return verdicts.Count == 0 ? null : string.Join(", ", verdicts);
    }

    [GeneratedRegex(@"\b(?<method>spf|dkim|dmarc)\s*=\s*(?<result>[a-z]{1,20})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Result();
}
