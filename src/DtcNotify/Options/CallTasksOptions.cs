namespace DtcNotify.Options;

public enum CallTaskProvider
{
    Pickup,
    Planner,
    ToDo,
}

/// <summary>Section <c>CallTasks</c>: where phone-call tasks for analysts go.</summary>
public sealed class CallTasksOptions
{
    public const string Section = "CallTasks";

    public CallTaskProvider Provider { get; set; } = CallTaskProvider.Pickup;

    public string? PlanId { get; set; }

    public string? BucketId { get; set; }

    public string? ToDoListOwner { get; set; }

    public string? ToDoListId { get; set; }

    public string PickupDirectory { get; set; } = "data/calltasks";
}
