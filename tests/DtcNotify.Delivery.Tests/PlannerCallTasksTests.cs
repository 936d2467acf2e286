using System.Text.Json;
using DtcNotify.Delivery.Calls;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DtcNotify.Delivery.Tests;

public sealed class PlannerCallTasksTests : IDisposable
{
    private const string TaskId = "01gzSlKkIUSUl6DF_EilrmQAKDhh";
    private const string DetailsPath = $"/v1.0/planner/tasks/{TaskId}/details";
    private readonly GraphFake _graph = new();

    public PlannerCallTasksTests()
    {
        _graph.Server.Given(Request.Create().WithPath("/v1.0/planner/tasks").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"id":"{{TaskId}}","planId":"plan-1","title":"x","@odata.etag":"W/\"task-etag\""}"""));
    }

    public void Dispose() => _graph.Dispose();

    private PlannerCallTasks Planner() => new(_graph.Client(), "plan-1", "bucket-1");

    private void Details(string etag, string? state = null, string? next = null)
    {
        var request = _graph.Server.Given(Request.Create().WithPath(DetailsPath).UsingGet());
        if (state is not null || next is not null)
        {
            request = request.InScenario("details");
            request = state is null ? request : request.WhenStateIs(state);
            request = next is null ? request : request.WillSetStateTo(next);
        }

        request.RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
            .WithBody(JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = TaskId, ["description"] = "", ["@odata.etag"] = etag })));
    }

    [Fact]
    public async Task Creates_the_task_in_the_plan_assigned_and_due_then_writes_the_details_with_If_Match()
    {
        Details("W/\"details-1\"");
        _graph.Server.Given(Request.Create().WithPath(DetailsPath).UsingPatch()).RespondWith(Response.Create().WithStatusCode(204));

        var receipt = await Planner().CreateAsync(Samples.Call(), CancellationToken.None);

        Assert.Equal("Planner", receipt.Transport);
        Assert.Equal(TaskId, receipt.ExternalId);
        Assert.Null(receipt.Note);
        using var created = JsonDocument.Parse(Assert.Single(_graph.Requests("POST", "/v1.0/planner/tasks")).RequestMessage.Body!);
        var task = created.RootElement;
        Assert.Equal("plan-1", task.GetProperty("planId").GetString());
        Assert.Equal("bucket-1", task.GetProperty("bucketId").GetString());
        Assert.Equal("Call Piet Pietersen (Garage Pietersen) about DTC-2026-000043: Citrix ADC kwetsbaar", task.GetProperty("title").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), task.GetProperty("dueDateTime").GetDateTimeOffset());
        var assignment = task.GetProperty("assignments").GetProperty("6b7b3b2a-2c4b-4175-8582-41c9e685c1b5");
        Assert.Equal("#microsoft.graph.plannerAssignment", assignment.GetProperty("@odata.type").GetString());
        Assert.Equal(" !", assignment.GetProperty("orderHint").GetString());

        var patch = Assert.Single(_graph.Requests("PATCH", DetailsPath)).RequestMessage;
        Assert.Equal("W/\"details-1\"", Assert.Single(patch.Headers!["If-Match"]));
        using var details = JsonDocument.Parse(patch.Body!);
        var description = details.RootElement.GetProperty("description").GetString()!;
        Assert.Contains("Phone: +31612345678", description);
        Assert.Contains("Contact: Piet Pietersen", description);
        Assert.Contains("Case: DTC-2026-000043", description);
        Assert.Contains("Uw Citrix-server is kwetsbaar.", description);
        Assert.Contains("- Installeer de update.", description);
        Assert.Equal("description", details.RootElement.GetProperty("previewType").GetString());
    }

    [Fact]
    public async Task A_stale_ETag_is_read_again_and_the_details_written_with_the_new_one()
    {
        Details("W/\"old\"", state: null, next: "read-once");
        Details("W/\"new\"", state: "read-once");
        _graph.Server.Given(Request.Create().WithPath(DetailsPath).UsingPatch().WithHeader("If-Match", "W/\"old\""))
            .RespondWith(Response.Create().WithStatusCode(412).WithHeader("Content-Type", "application/json").WithBody("""{"error":{"code":"PreconditionFailed","message":"stale"}}"""));
        _graph.Server.Given(Request.Create().WithPath(DetailsPath).UsingPatch().WithHeader("If-Match", "W/\"new\""))
            .RespondWith(Response.Create().WithStatusCode(204));

        var receipt = await Planner().CreateAsync(Samples.Call(), CancellationToken.None);

        Assert.Null(receipt.Note);
        Assert.Equal(["W/\"old\"", "W/\"new\""], _graph.Requests("PATCH", DetailsPath).Select(r => r.RequestMessage.Headers!["If-Match"].Single()));
        Assert.Single(_graph.Requests("POST", "/v1.0/planner/tasks"));
    }

    [Fact]
    public async Task Details_that_cannot_be_written_leave_the_task_created_and_say_so()
    {
        Details("W/\"details-1\"");
        _graph.Server.Given(Request.Create().WithPath(DetailsPath).UsingPatch())
            .RespondWith(Response.Create().WithStatusCode(403).WithHeader("Content-Type", "application/json").WithBody("""{"error":{"code":"Forbidden","message":"no"}}"""));

        var receipt = await Planner().CreateAsync(Samples.Call(), CancellationToken.None);

        Assert.Equal(TaskId, receipt.ExternalId);
        Assert.Contains("details were not written", receipt.Note);
    }

    [Fact]
    public async Task An_analyst_without_an_object_id_gets_an_unassigned_task_and_a_note()
    {
        Details("W/\"details-1\"");
        _graph.Server.Given(Request.Create().WithPath(DetailsPath).UsingPatch()).RespondWith(Response.Create().WithStatusCode(204));

        var receipt = await Planner().CreateAsync(Samples.Call(assignee: "playground-user"), CancellationToken.None);

        using var created = JsonDocument.Parse(Assert.Single(_graph.Requests("POST", "/v1.0/planner/tasks")).RequestMessage.Body!);
        Assert.False(created.RootElement.TryGetProperty("assignments", out _));
        Assert.Contains("not assigned", receipt.Note);
    }
}
