using System.Diagnostics;

namespace DtcNotify.Tests.Cases;

/// <summary>
/// Every card kind is checked by the official Adaptive Cards library (npm <c>adaptivecards</c>, installed by .ci/run into
/// .ci/adaptivecards): parsed with validation, no errors or warnings. In CI a missing node or library fails the test.
/// </summary>
public sealed class CardValidationTests
{
    [Fact]
    public async Task Every_card_kind_passes_the_official_Adaptive_Cards_validation()
    {
        var script = FindValidator();
        if (script is null)
        {
            Assert.False(InCi, "node and npm adaptivecards are required in CI (.ci/run installs them into .ci/adaptivecards)");
            return; // outside CI: nothing to check against (xunit 2 has no dynamic skip)
        }

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

    private static bool InCi => Environment.GetEnvironmentVariable("CI") is "true" or "1";

    private static string? FindValidator()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, ".ci", "adaptivecards", "validate.js");
            if (File.Exists(script))
            {
                return File.Exists(Path.Combine(dir.FullName, ".ci", "adaptivecards", "node_modules", "adaptivecards", "dist", "adaptivecards.js")) ? script : null;
            }
        }

        return null;
    }

    private static async Task<(int Exit, string Output)> RunNodeAsync(string script, IEnumerable<string> files)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await error);
        }
        catch (System.ComponentModel.Win32Exception) when (!InCi)
        {
            return (0, "checked 0 cards, 0 findings (node is not installed)");
        }
    }
}
