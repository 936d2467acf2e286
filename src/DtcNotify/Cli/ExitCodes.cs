namespace DtcNotify.Cli;

/// <summary>The contract of architecture §4.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int NotFound = 1;
    public const int BadUsage = 2;
}
