namespace DtcNotify.EndToEnd.Infrastructure;

/// <summary>What the suite needs on the machine; <c>install.sh</c> provides it.</summary>
internal static class Prerequisites
{
    /// <summary>Null when everything is there, else one sentence naming what is missing and how to get it.</summary>
    public static string? Missing()
    {
        var missing = new List<string>();
        if (!File.Exists(SuitePaths.Chromium))
        {
            missing.Add(SuitePaths.Chromium);
        }

        if (SuitePaths.FindOnPath("node") is null)
        {
            missing.Add("node (on PATH)");
        }

        if (!File.Exists(SuitePaths.PlaygroundCli))
        {
            missing.Add(SuitePaths.PlaygroundCli);
        }

        return missing.Count == 0
            ? null
            : $"End-to-end prerequisites missing: {string.Join(", ", missing)}. Run tests/DtcNotify.EndToEnd/install.sh.";
    }
}
