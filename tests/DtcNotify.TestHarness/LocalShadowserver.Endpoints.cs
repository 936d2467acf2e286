using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DtcNotify.TestHarness;

public sealed partial class LocalShadowserver
{
    private void MapEndpoints(WebApplication app)
    {
        app.MapPost("/api2/reports/list", (Delegate)ListAsync);
        app.MapGet("/dl/{id}", Download);
        app.MapGet("/intelmq/v1/schema", () => Schema is null ? Results.NotFound() : Results.Bytes(Schema, "application/json"));
    }

    private async Task<IResult> ListAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var body = buffer.ToArray();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));
        var signatureValid = string.Equals(context.Request.Headers["HMAC2"].ToString(), expected, StringComparison.Ordinal);
        var request = JsonNode.Parse(body) as JsonObject;
        var key = request?["apikey"]?.GetValue<string>();
        var range = request?["date"]?.GetValue<string>();
        _requests.Enqueue(new ApiRequestRecord("/api2/reports/list", signatureValid, key, range));
        if (Fail("/api2/reports/list"))
        {
            return Results.Json(new { error = "internal error" }, statusCode: 500);
        }

        if (!signatureValid || key != Key)
        {
            return Results.Json(new { error = "Invalid API key or signature" }, statusCode: 401);
        }

        if (KeyExpired)
        {
            return Results.Json(new { error = "API key expired" }, statusCode: 401);
        }

        var (from, to) = ParseRange(range);
        var listed = _reports.Values.Where(r => r.Date >= from && r.Date <= to).OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => new JsonObject
        {
            ["id"] = r.Id,
            ["report"] = "dtc-nl",
            ["type"] = r.Type,
            ["file"] = r.File,
            ["timestamp"] = r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        return Results.Content(new JsonArray([.. listed]).ToJsonString(), "application/json");
    }

    private IResult Download(string id)
    {
        if (Fail("/dl/" + id))
        {
            return Results.Text("Internal Server Error", statusCode: 500);
        }

        if (!_reports.TryGetValue(id, out var report))
        {
            return Results.NotFound();
        }

        if (report.Behaviour == DownloadBehaviour.Redirect)
        {
            return Results.Redirect("https://elsewhere.example/" + id);
        }

        _downloads.AddOrUpdate(id, 1, (_, n) => n + 1);
        return Results.Bytes(report.Content, "text/csv");
    }

    private bool Fail(string path)
    {
        while (_failuresToGo.TryGetValue(path, out var left) && left > 0)
        {
            if (_failuresToGo.TryUpdate(path, left - 1, left))
            {
                return true;
            }
        }

        return false;
    }

    private static (DateOnly From, DateOnly To) ParseRange(string? range)
    {
        var parts = (range ?? "").Split(':');
        var from = DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (from, parts.Length > 1 ? DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture) : from);
    }
}
