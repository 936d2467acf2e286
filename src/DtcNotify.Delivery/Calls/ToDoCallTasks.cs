using System.Globalization;
using DtcNotify.Delivery.Content;
using DtcNotify.Delivery.Graph;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace DtcNotify.Delivery.Calls;

/// <summary>A Microsoft To Do task in the configured list of the configured user (the list owner).</summary>
public sealed class ToDoCallTasks(GraphServiceClient graph, string listOwner, string listId) : ICallTaskTransport
{
    public string Name => "ToDo";

    public async Task<DeliveryReceipt> CreateAsync(CallTaskContent task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        using var throttling = GraphThrottleScope.Begin();
        var due = new DateTimeTimeZone
        {
            DateTime = task.DueAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            TimeZone = "UTC",
        };
        TodoTask? created;
        try
        {
            created = await graph.Users[listOwner].Todo.Lists[listId].Tasks.PostAsync(
                new TodoTask
                {
                    Title = CallScript.Title(task),
                    Body = new ItemBody { ContentType = BodyType.Text, Content = CallScript.Details(task) },
                    Importance = Importance.High,
                    DueDateTime = due,
                    IsReminderOn = true,
                    ReminderDateTime = due,
                },
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw GraphFailures.Classify(e, "create To Do task", cancellationToken);
        }

        return new DeliveryReceipt(Name, created?.Id, throttling.Summary is { } t ? $"Graph throttled: {t}" : null);
    }
}
