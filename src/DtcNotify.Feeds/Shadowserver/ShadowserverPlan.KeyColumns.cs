using nietras.SeparatedValues;
using DtcNotify.Feeds.Harmonisation;

namespace DtcNotify.Feeds.Shadowserver;

internal sealed partial class ShadowserverPlan
{
    /// <summary>
    /// A few report types name the affected party only in a column the schema sends to <c>extra</c>
    /// (<c>ransomware_victim</c>: the victim's <c>website</c>; <c>compromised_account</c>: <c>email</c> when <c>username</c>
    /// is no address; <c>sandbox_dns</c>: the <c>request</c>ed name). IntelMQ keeps such events without a source; we need a
    /// key to find the company, so when a row has none these columns give one. The extra field stays as the schema says.
    /// </summary>
    private sealed class KeyColumns(Dictionary<string, int> index)
    {
        private readonly int _website = index.GetValueOrDefault("website", -1);
        private readonly int _email = index.GetValueOrDefault("email", -1);
        private readonly int _request = index.GetValueOrDefault("request", -1);

        public void Apply(SepReader.Row row, ObservationBuilder builder)
        {
            if (_website >= 0 && Cell(row, _website) is { IsEmpty: false } website)
            {
                // "https://shop.example.nl/" or a bare "shop.example.nl"; either identifies the victim's web presence.
                _ = website.Contains("://", StringComparison.Ordinal) ? builder.Set(CoreField.SourceUrl, website) : builder.Set(CoreField.SourceFqdn, website);
            }

            if (!builder.HasKey && _email >= 0 && Cell(row, _email) is { IsEmpty: false } email)
            {
                builder.Set(CoreField.SourceAccount, email);
            }

            if (!builder.HasKey && _request >= 0 && Cell(row, _request) is { IsEmpty: false } request)
            {
                builder.Set(CoreField.SourceFqdn, request);
            }
        }
    }
}
