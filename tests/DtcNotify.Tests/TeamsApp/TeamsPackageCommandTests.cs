using System.IO.Compression;
using System.Text.Json.Nodes;
using DtcNotify.Hosting;
using Microsoft.Extensions.Configuration;

namespace DtcNotify.Tests.TeamsApp;

/// <summary><c>dtcnotify teams package</c> run in-process, and the zip it writes opened as Teams would.</summary>
public sealed class TeamsPackageCommandTests : IDisposable
{
    private const string AppId = "5b2ad0a3-1c2e-4f7b-9a7e-2d4c9a4e1f10";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dtcnotify-teams-" + Guid.NewGuid().ToString("N"));

    private string ZipPath => Path.Combine(_folder, "out", "app.zip");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Zip_holds_the_manifest_and_both_icons_at_its_root_with_the_configured_app_id()
    {
        var run = await RunAsync(AppId, "teams", "package", "--out", ZipPath);

        Assert.Equal(0, run.Exit);
        Assert.Contains(ZipPath, run.Out, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(ZipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var manifest = ReadManifest(zip);
        Assert.Equal(AppId, (string)manifest["id"]!);
        Assert.Equal(AppId, (string)manifest["bots"]![0]!["botId"]!);
        Assert.Equal(AppId, (string)manifest["composeExtensions"]![0]!["botId"]!);
        Assert.DoesNotContain(Guid.Empty.ToString(), manifest.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal((192, 192), Size(zip, "color.png"));
        Assert.Equal((32, 32), Size(zip, "outline.png"));
    }

    [ManifestSchemaFact]
    public async Task Packaged_manifest_is_valid_against_the_official_schema()
    {
        await RunAsync(AppId, "teams", "package", "--out", ZipPath);
        using var zip = ZipFile.OpenRead(ZipPath);
        var manifest = ReadManifest(zip);

        var errors = (await ManifestSchema.LoadAsync((string)manifest["manifestVersion"]!)).Validate(manifest.ToJsonString());

        Assert.Empty(errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("", "is not set")]
    [InlineData("my-bot", "is not a GUID")]
    [InlineData("00000000-0000-0000-0000-000000000000", "is the all-zero placeholder")]
    public async Task Missing_or_unusable_app_id_is_a_usage_error_that_names_the_key(string appId, string reason)
    {
        var run = await RunAsync(appId, "teams", "package", "--out", ZipPath);

        Assert.Equal(2, run.Exit);
        Assert.Contains($"Bot:AppId {reason}", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
    }

    [Fact]
    public async Task Unknown_option_is_refused()
    {
        var run = await RunAsync(AppId, "teams", "package", "--output", ZipPath);

        Assert.Equal(2, run.Exit);
        Assert.Contains("--output", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
    }

    private static async Task<(int Exit, string Out, string Error)> RunAsync(string appId, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await DtcNotifyProgram.RunAsync(args, new CliConsole(output, error),
            config => config.AddInMemoryCollection([new("Bot:AppId", appId)]));
        return (exit, output.ToString(), error.ToString());
    }

    private static JsonNode ReadManifest(ZipArchive zip)
    {
        using var stream = zip.GetEntry("manifest.json")!.Open();
        return JsonNode.Parse(stream)!;
    }

    private static (int, int) Size(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        var png = PngImage.Read(bytes.ToArray());
        return (png.Width, png.Height);
    }
}
