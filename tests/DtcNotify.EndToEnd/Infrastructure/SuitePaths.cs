using System.Reflection;
using DtcNotify.TestHarness;

namespace DtcNotify.EndToEnd.Infrastructure;

/// <summary>Where the suite finds the app, the Playground and the browser, and where it leaves its screenshots.</summary>
internal static class SuitePaths
{
    public const string Chromium = "/usr/bin/chromium";

    public static string RepositoryRoot => Prerequisite.Repository;

    public static string SuiteDirectory => Path.Combine(RepositoryRoot, "tests", "DtcNotify.EndToEnd");

    public static string PlaygroundCli =>
        Path.Combine(SuiteDirectory, "playground", "node_modules", "@microsoft", "m365agentsplayground", "cli.js");

    public static string LoopbackPreload => Path.Combine(SuiteDirectory, "playground", "loopback.cjs");

    public static string Screenshots => Path.Combine(SuiteDirectory, "screenshots");

    /// <summary>The app built in the same configuration as this suite (CI builds the whole solution in Release first).</summary>
    public static string AppDll => Path.Combine(
        RepositoryRoot, "src", "DtcNotify", "bin", Configuration, new DirectoryInfo(AppContext.BaseDirectory).Name, "dtcnotify.dll");

    public static string Configuration =>
        typeof(SuitePaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The dotnet host running these tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public static string? FindOnPath(string program) => Prerequisite.FindOnPath(program);
}
