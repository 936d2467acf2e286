using System.Text.Json;
using DtcNotify.Data;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Triage;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Tests.Database;

/// <summary>Stored cases stay readable: the JSON columns keep the text the web-default serializer writes, and read back whole.</summary>
public sealed class CaseJsonColumnsTests
{
    private static readonly List<CriterionResult> Explanation =
    [
        new("channel", true, "periodic, medium: e-mail"),
        new("not vital", false, "vital organisation \"Waterschap\" <NCSC> \u2028 Zoë", "vital"),
    ];

    private static readonly List<string> Measures = ["Werk bij naar 13.1-49.15 \"ADC\"", "Bel uw IT-leverancier <script>", ""];

    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter Converter(string property)
    {
        using var context = new SqliteDtcNotifyDbContext(new DbContextOptionsBuilder<SqliteDtcNotifyDbContext>().UseSqlite("Data Source=:memory:").Options);
        return context.Model.FindEntityType(typeof(ThreatCase))!.FindProperty(property)!.GetTypeMapping().Converter!;
    }

    [Fact]
    public void The_explanation_is_stored_as_before_and_reads_back_whole()
    {
        var converter = Converter(nameof(ThreatCase.Explanation));

        var stored = (string)converter.ConvertToProvider(Explanation)!;

        Assert.Equal(JsonSerializer.Serialize(Explanation, JsonSerializerOptions.Web), stored);
        Assert.Contains("\"suppression\":null", stored, StringComparison.Ordinal);
        Assert.Equal(Explanation, (List<CriterionResult>)converter.ConvertFromProvider(stored)!);
        Assert.Equal(Explanation, (List<CriterionResult>)converter.ConvertFromProvider(
            """[{"Criterion":"channel","Passed":true,"Detail":"periodic, medium: e-mail"},{"criterion":"not vital","passed":false,"detail":"vital organisation \"Waterschap\" \u003CNCSC\u003E \u2028 Zo\u00EB","suppression":"vital"}]""")!);
    }

    [Fact]
    public void Measures_are_stored_as_before_and_read_back_whole()
    {
        var converter = Converter(nameof(ThreatCase.Measures));

        var stored = (string)converter.ConvertToProvider(Measures)!;

        Assert.Equal(JsonSerializer.Serialize(Measures, JsonSerializerOptions.Web), stored);
        Assert.Equal(Measures, (List<string>)converter.ConvertFromProvider(stored)!);
    }
}
