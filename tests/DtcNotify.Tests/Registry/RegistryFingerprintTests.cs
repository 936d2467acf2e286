using DtcNotify.Domain.Registry;

namespace DtcNotify.Tests.Registry;

public class RegistryFingerprintTests
{
    private static RegistryRawRow Row(params string[] fields) => new(2, fields);

    [Fact]
    public void The_hash_tells_field_boundaries_rows_order_and_rules_apart_but_not_line_numbers()
    {
        var hash = RegistryFingerprint.HashOf([Row("ab", "c"), Row("d")]);

        Assert.Equal(hash, RegistryFingerprint.HashOf([new RegistryRawRow(40, ["ab", "c"]), new RegistryRawRow(7, ["d"])]));
        Assert.NotEqual(hash, RegistryFingerprint.HashOf([Row("a", "bc"), Row("d")]));
        Assert.NotEqual(hash, RegistryFingerprint.HashOf([Row("ab", "c", "d")]));
        Assert.NotEqual(hash, RegistryFingerprint.HashOf([Row("d"), Row("ab", "c")]));
        Assert.NotEqual(hash, RegistryFingerprint.HashOf([Row("ab", "c"), Row("d")], RegistryFingerprint.RulesVersion + 1));
        Assert.Equal(32, hash.Length);
    }

    [Fact]
    public void The_stored_text_reads_back_and_other_text_reads_as_none()
    {
        var fingerprint = new RegistryFingerprint(RegistryFingerprint.HashOf([Row("x")]), 12, 3);

        Assert.Equal(fingerprint, RegistryFingerprint.Parse(fingerprint.ToString()));
        Assert.Null(RegistryFingerprint.Parse(null));
        Assert.Null(RegistryFingerprint.Parse("abc"));
        Assert.Null(RegistryFingerprint.Parse("abc:-1:2"));
    }
}
