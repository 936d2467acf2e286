using System.Globalization;
using System.Text.Json.Nodes;

namespace DtcNotify.Tests.TeamsApp;

/// <summary>The committed manifest/ folder: schema-valid as committed, the names the bot handlers rely on, and the icons.</summary>
public class ManifestTests
{
    private static JsonNode Manifest => JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestSchema.ManifestFolder, "manifest.json")))!;

    [ManifestSchemaFact]
    public async Task Committed_manifest_is_valid_against_the_official_schema_of_its_version()
    {
        var manifest = Manifest;
        var version = (string)manifest["manifestVersion"]!;

        var errors = (await ManifestSchema.LoadAsync(version)).Validate(manifest.ToJsonString());

        Assert.Empty(errors.Select(e => e.ToString()));
        Assert.True(decimal.Parse(version, CultureInfo.InvariantCulture) >= 1.25m, $"manifestVersion {version} is older than 1.25");
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json", (string)manifest["$schema"]!);
    }

    [ManifestSchemaFact]
    public async Task Schema_validation_reports_a_bot_id_that_is_not_a_guid_and_a_missing_accent_colour()
    {
        var manifest = Manifest;
        manifest["bots"]![0]!["botId"] = "not-a-guid";
        manifest.AsObject().Remove("accentColor");

        var errors = (await ManifestSchema.LoadAsync((string)manifest["manifestVersion"]!)).Validate(manifest.ToJsonString());

        // NJsonSchema nests the pattern failure under the array item it belongs to.
        Assert.Contains(errors, e => e.ToString().Contains("PatternMismatch: #/bots[0].botId", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Property == "accentColor");
    }

    [Fact]
    public void Bot_lists_its_commands_for_team_and_personal_scope()
    {
        var bot = Manifest["bots"]!.AsArray().Single()!;
        var list = bot["commandLists"]!.AsArray().Single()!;

        Assert.Equal(["team", "personal"], Strings(bot["scopes"]));
        Assert.Equal(["team", "personal"], Strings(list["scopes"]));
        Assert.Equal(["help", "lookup", "case", "cases", "digest", "stats", "audit"], list["commands"]!.AsArray().Select(c => (string)c!["title"]!));
    }

    [Fact]
    public void Search_extension_is_lookupCompany_with_one_query_parameter_as_the_query_handler_expects()
    {
        var command = Manifest["composeExtensions"]!.AsArray().Single()!["commands"]!.AsArray().Single()!;

        Assert.Equal("lookupCompany", (string)command["id"]!);
        Assert.Equal("query", (string)command["type"]!);
        Assert.False((bool)command["initialRun"]!);
        Assert.Equal("query", (string)command["parameters"]!.AsArray().Single()!["name"]!);
    }

    [Fact]
    public void Colour_icon_is_192_pixels_square_and_opaque_to_the_edges()
    {
        var icon = PngImage.Read(File.ReadAllBytes(Path.Combine(ManifestSchema.ManifestFolder, "color.png")));

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.All(icon.Rgba.Where((_, i) => i % 4 == 3), alpha => Assert.Equal(255, alpha));
    }

    [Fact]
    public void Outline_icon_is_32_pixels_square_white_on_transparent()
    {
        var icon = PngImage.Read(File.ReadAllBytes(Path.Combine(ManifestSchema.ManifestFolder, "outline.png")));

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.True(icon.HasAlpha, "outline.png has no alpha channel");
        var pixels = icon.Rgba.Chunk(4).ToList();
        var coloured = pixels.Where(p => p[3] > 0 && (p[0], p[1], p[2]) != (255, 255, 255)).ToList();
        Assert.True(coloured.Count == 0, $"{coloured.Count} visible pixels are not white");
        Assert.Contains(pixels, p => p[3] == 0);
        Assert.Contains(pixels, p => p[3] == 255);
    }

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(s => (string)s!);
}
