using System.Net;
using DtcNotify.Delivery.Content;
using DtcNotify.Delivery.Graph;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace DtcNotify.Delivery.Calls;

/// <summary>
/// A Planner task in the configured plan and bucket, assigned to the approving analyst and due at the next office-hours
/// slot. The description lives on the task's details, which need the ETag flow: GET details, PATCH with If-Match,
/// and on 412 (someone changed them meanwhile) read again and repeat.
/// </summary>
public sealed class PlannerCallTasks(GraphServiceClient graph, string planId, string bucketId) : ICallTaskTransport
{
    private const int DetailAttempts = 3;

    /// <summary>Create, then up to <see cref="DetailAttempts"/> × (GET + PATCH) of the details: the most of any transport.</summary>
    public const int MaxGraphCalls = 1 + 2 * DetailAttempts;

    public string Name => "Planner";

    public async Task<DeliveryReceipt> CreateAsync(CallTaskContent task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        using var throttling = GraphThrottleScope.Begin();
        PlannerTask created;
        try
        {
            created = await graph.Planner.Tasks.PostAsync(NewTask(task), cancellationToken: cancellationToken).ConfigureAwait(false)
                ?? throw new DeliveryFailureException(DeliveryFailureKind.Ambiguous, "Planner returned no task");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw GraphFailures.Classify(e, "create Planner task", cancellationToken);
        }

        var notes = new List<string>();
        if (!Guid.TryParse(task.AssigneeId, out _))
        {
            notes.Add($"not assigned: '{task.AssigneeId}' is not an Entra object id");
        }

        try
        {
            await WriteDetailsAsync(created.Id!, CallScript.Details(task), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The task exists: failing the delivery would invite a second task. Say so on the card instead.
            notes.Add($"task created but its details were not written ({GraphFailures.Classify(e, "details", cancellationToken).Message})");
        }

        if (throttling.Summary is { } throttled)
        {
            notes.Add($"Graph throttled: {throttled}");
        }

        return new DeliveryReceipt(Name, created.Id, notes.Count == 0 ? null : string.Join("; ", notes));
    }

    private PlannerTask NewTask(CallTaskContent task)
    {
        var plannerTask = new PlannerTask
        {
            PlanId = planId,
            BucketId = bucketId,
            Title = CallScript.Title(task),
            DueDateTime = task.DueAt.ToUniversalTime(),
            Priority = 1,
        };
        if (Guid.TryParse(task.AssigneeId, out var assignee))
        {
            plannerTask.Assignments = new PlannerAssignments
            {
                AdditionalData = new Dictionary<string, object> { [assignee.ToString("D")] = new PlannerAssignment { OrderHint = " !" } },
            };
        }

        return plannerTask;
    }

    private async Task WriteDetailsAsync(string taskId, string description, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var details = await graph.Planner.Tasks[taskId].Details.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var etag = details?.AdditionalData.TryGetValue("@odata.etag", out var value) == true ? value?.ToString() : null;
            if (string.IsNullOrEmpty(etag))
            {
                throw new DeliveryFailureException(DeliveryFailureKind.Rejected, "Planner task details came without an ETag");
            }

            try
            {
                await graph.Planner.Tasks[taskId].Details.PatchAsync(
                    new PlannerTaskDetails { Description = description, PreviewType = PlannerPreviewType.Description },
                    request => request.Headers.Add("If-Match", etag),
                    cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ApiException e) when (e.ResponseStatusCode == (int)HttpStatusCode.PreconditionFailed && attempt < DetailAttempts)
            {
                // Changed since we read it: read the new ETag and write again.
            }
        }
    }
}
