using System.Diagnostics;
using DtcNotify.TestHarness;

namespace DtcNotify.Tests.Cases;

/// <summary>
/// Every card kind is checked by the official Adaptive Cards library (npm <c>adaptivecards</c>, installed by .ci/run into
/// .ci/adaptivecards): parsed with validation, no errors or warnings. Without node or the library the test is skipped
/// with the reason; in CI it runs and fails.
/// </summary>
public sealed class CardValidationTests
{
    [CardValidatorFact]
    public async Task Every_card_kind_passes_the_official_Adaptive_Cards_validation()
    {
        var script = CardValidator.Script;
        var folder = Directory.CreateTempSubdirectory("dtc-cards-");
        try
        {
            var files = new List<string>();
            foreach (var (name, card) in CardSamples.AllCards().Concat(HostileCards()))
            {
                var file = Path.Combine(folder.FullName, name + ".json");
                await File.WriteAllTextAsync(file, card.ToJson());
                files.Add(file);
            }

            var (exit, output) = await RunNodeAsync(script, files);

            Assert.True(exit == 0, output);
            Assert.Contains($"checked {files.Count} cards, 0 findings", output, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static IEnumerable<(string, Teams.Cards.AdaptiveCard)> HostileCards()
    {
        var i = 0;
        foreach (var hostile in CardEscapingTests.HostileStrings)
        {
            yield return ($"hostile-{i++}", DtcNotify.Cases.Cards.CaseCard.Create(
                CardSamples.View(CardSamples.InStatus(DtcNotify.Domain.Cases.CaseStatus.Proposed, CardSamples.NewCase(hostile, [hostile], hostile)), hostile, [hostile]),
                [new("aaaaaaaa-0000-0000-0000-000000000009", hostile)]));
        }
    }

    private static async Task<(int Exit, string Output)> RunNodeAsync(string script, IEnumerable<string> files)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}

/// <summary>The validator script of .ci/adaptivecards, with node and the npm library it needs.</summary>
internal static class CardValidator
{
    public static string Script => Path.Combine(Prerequisite.Repository, ".ci", "adaptivecards", "validate.js");

    /// <summary>What is missing to validate cards, or null.</summary>
    public static string? Missing =>
        Prerequisite.FindOnPath("node") is null ? "node is not on PATH"
        : Prerequisite.RepositoryRoot is not { } repository || !File.Exists(Path.Combine(repository, ".ci", "adaptivecards", "node_modules", "adaptivecards", "dist", "adaptivecards.js"))
            ? "npm adaptivecards is not installed: run `npm ci` in .ci/adaptivecards (as .ci/run does)"
            : null;
}

/// <summary>A fact that needs the Adaptive Cards validator: skipped with the reason where it is missing, except in CI, where it fails.</summary>
internal sealed class CardValidatorFactAttribute : FactAttribute
{
    public CardValidatorFactAttribute() => Skip = Prerequisite.SkipUnlessCi(CardValidator.Missing);
}
