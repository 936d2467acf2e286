using Microsoft.Extensions.Options;

namespace DtcNotify.Options;

internal sealed class CallTasksOptionsValidator(IOptions<GraphOptions> graph) : IValidateOptions<CallTasksOptions>
{
    public ValidateOptionsResult Validate(string? name, CallTasksOptions options)
    {
        var errors = new ValidationErrors();
        errors.Require(Enum.IsDefined(options.Provider), "CallTasks:Provider must be Planner, ToDo or Pickup.");
        switch (options.Provider)
        {
            case CallTaskProvider.Pickup:
                errors.RequireValue(options.PickupDirectory, "CallTasks:PickupDirectory", " when CallTasks:Provider is Pickup");
                break;
            case CallTaskProvider.Planner:
                errors.RequireValue(options.PlanId, "CallTasks:PlanId", " when CallTasks:Provider is Planner");
                errors.RequireValue(options.BucketId, "CallTasks:BucketId", " when CallTasks:Provider is Planner");
                GraphCredentials.Require(graph.Value, errors, "CallTasks:Provider is Planner");
                break;
            case CallTaskProvider.ToDo:
                errors.RequireValue(options.ToDoListOwner, "CallTasks:ToDoListOwner", " when CallTasks:Provider is ToDo");
                errors.RequireValue(options.ToDoListId, "CallTasks:ToDoListId", " when CallTasks:Provider is ToDo");
                GraphCredentials.Require(graph.Value, errors, "CallTasks:Provider is ToDo");
                break;
        }

        return errors.Result();
    }
}
