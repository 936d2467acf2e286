namespace DtcNotify.Shadowserver;

/// <summary>A downloaded report must be a CSV with a header row; an empty file, an HTML error page or JSON is refused by name.</summary>
internal static class CsvCheck
{
    public static async Task RequireCsvAsync(string path, string name, CancellationToken cancellationToken)
    {
        var head = new byte[4096];
        int read;
        await using (var file = File.OpenRead(path))
        {
            read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        var text = System.Text.Encoding.UTF8.GetString(head, 0, read).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        var firstLine = text.Split('\n', 2)[0];
        if (read == 0)
        {
            throw new ShadowserverException($"{name}: the download is empty");
        }

        if (text.StartsWith('<') || text.StartsWith('{') || text.StartsWith('[') || !firstLine.Contains(','))
        {
            throw new ShadowserverException($"{name}: the download is not a CSV report (it starts with '{Text.PrintableText.Safe(firstLine.Length > 40 ? firstLine[..40] : firstLine)}')");
        }
    }
}
