using DtcNotify.EndToEnd.Infrastructure;
using DtcNotify.TestHarness;

namespace DtcNotify.EndToEnd;

/// <summary>
/// A fact that is skipped, with the reason, on a developer machine without Chromium, node or the Playground.
/// With CI=true it always runs, so a missing tool fails the build loudly instead of hiding the suite.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EndToEndFactAttribute : FactAttribute
{
    public EndToEndFactAttribute() => Skip = Prerequisite.SkipUnlessCi(Prerequisites.Missing());
}
