using DtcNotify.TestHarness;
using NJsonSchema;

namespace DtcNotify.Tests.TeamsApp;

/// <summary>
/// The official Teams manifest JSON schema, from npm <c>@microsoft/app-manifest</c> as .ci/run installs it into
/// tests/manifest-schema/node_modules (git-ignored). The version is the one the committed manifest declares.
/// </summary>
internal static class ManifestSchema
{
    public const string InstallHint = "run `npm ci --prefix tests/manifest-schema` (as .ci/run does)";

    public static string RepositoryRoot => Prerequisite.Repository;

    public static string ManifestFolder => Path.Combine(RepositoryRoot, "manifest");

    public static string PathFor(string manifestVersion) => Path.Combine(RepositoryRoot, "tests", "manifest-schema", "node_modules",
        "@microsoft", "app-manifest", "build", "json-schemas", "teams", $"v{manifestVersion}", "MicrosoftTeams.schema.json");

    public static bool IsInstalled => Directory.Exists(Path.Combine(RepositoryRoot, "tests", "manifest-schema", "node_modules", "@microsoft", "app-manifest"));

    public static async Task<JsonSchema> LoadAsync(string manifestVersion)
    {
        var path = PathFor(manifestVersion);
        Assert.True(File.Exists(path), $"the Teams manifest schema v{manifestVersion} is missing at {path}: {InstallHint}");
        return await JsonSchema.FromFileAsync(path);
    }
}

/// <summary>
/// A fact that needs the schema: skipped with the reason when the npm package is not installed, except in CI (CI=true),
/// where a missing schema is a broken setup and the test runs and fails.
/// </summary>
internal sealed class ManifestSchemaFactAttribute : FactAttribute
{
    public ManifestSchemaFactAttribute() => Skip = Prerequisite.SkipUnlessCi(ManifestSchema.IsInstalled
        ? null
        : $"the Teams manifest schema (npm @microsoft/app-manifest) is not installed: {ManifestSchema.InstallHint}");
}
