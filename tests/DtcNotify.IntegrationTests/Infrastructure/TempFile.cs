namespace DtcNotify.IntegrationTests.Infrastructure;

/// <summary>A file in the temp folder, deleted on dispose.</summary>
public sealed class TempFile : IDisposable
{
    public TempFile(string content, string name = "registry.csv")
    {
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, name);
        File.WriteAllText(Path, content);
    }

    public string Path { get; }

    private string Folder { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dtcnotify-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
