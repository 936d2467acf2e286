using System.Text.Encodings.Web;
using System.Text.Json;
using DtcNotify.Delivery.Content;

namespace DtcNotify.Delivery.Calls;

/// <summary>Writes each call task as <c>&lt;notification id&gt;.json</c> into a folder (local mode).</summary>
public sealed class PickupCallTasks(string directory) : ICallTaskTransport
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // A local file for people, not HTML: keep '+' in phone numbers and accents readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Name => "Pickup";

    public async Task<DeliveryReceipt> CreateAsync(CallTaskContent task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        Directory.CreateDirectory(directory);
        var fileName = $"{task.NotificationId:N}.json";
        var target = Path.Combine(directory, fileName);
        var partial = target + ".partial";
        var document = new PickupCallTask(
            task.CaseReference, CallScript.Title(task), task.AssigneeId, DeliveryText.Line(task.AssigneeName, DeliveryText.NameLength), task.DueAt,
            DeliveryText.Line(task.Phone, DeliveryText.AddressLength), DeliveryText.Line(task.ContactName, DeliveryText.NameLength), CallScript.Details(task));
        try
        {
            await File.WriteAllTextAsync(partial, JsonSerializer.Serialize(document, Indented), cancellationToken).ConfigureAwait(false);
            File.Move(partial, target, overwrite: false);
        }
        catch (IOException e)
        {
            File.Delete(partial);
            throw new DeliveryFailureException(DeliveryFailureKind.NotSent, $"call task pickup folder: {e.Message}", e);
        }

        return new DeliveryReceipt(Name, fileName);
    }

    private sealed record PickupCallTask(
        string Case, string Title, string AssigneeId, string? AssigneeName, DateTimeOffset DueAt, string Phone, string? ContactName, string Details);
}
