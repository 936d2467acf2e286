using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DtcNotify.TestHarness;

/// <summary>
/// A throw-away TLS certificate for 127.0.0.1/localhost. Clients trust exactly this certificate (pinned by hash) through
/// <see cref="CreateTrustingHandler"/>; nothing is installed in a machine store.
/// </summary>
public sealed class TestCertificate : IDisposable
{
    private TestCertificate(X509Certificate2 certificate) => Certificate = certificate;

    public X509Certificate2 Certificate { get; }

    public static TestCertificate Create()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=DtcNotify test issuer", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        return new TestCertificate(request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1)));
    }

    /// <summary>An HTTP handler that accepts this certificate and no other untrusted one.</summary>
    public HttpMessageHandler CreateTrustingHandler()
    {
        var expected = Certificate.GetCertHashString();
        return new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, presented, _, errors) =>
                    errors == System.Net.Security.SslPolicyErrors.None
                    || (presented is not null && string.Equals(presented.GetCertHashString(), expected, StringComparison.Ordinal)),
            },
        };
    }

    public void Dispose() => Certificate.Dispose();
}
