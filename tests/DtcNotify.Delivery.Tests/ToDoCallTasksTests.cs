using System.Text.Json;
using DtcNotify.Delivery.Calls;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DtcNotify.Delivery.Tests;

public sealed class ToDoCallTasksTests : IDisposable
{
    private const string TasksPath = "/v1.0/users/analysts@dtc.example/todo/lists/list-1/tasks";
    private readonly GraphFake _graph = new();

    public void Dispose() => _graph.Dispose();

    [Fact]
    public async Task Creates_a_task_in_the_configured_list_due_at_the_slot()
    {
        _graph.Server.Given(Request.Create().WithPath(TasksPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody("""{"id":"todo-1","title":"x"}"""));

        var receipt = await new ToDoCallTasks(_graph.Client(), "analysts@dtc.example", "list-1").CreateAsync(Samples.Call(), CancellationToken.None);

        Assert.Equal(new Content.DeliveryReceipt("ToDo", "todo-1"), receipt);
        using var body = JsonDocument.Parse(Assert.Single(_graph.Requests("POST", TasksPath)).RequestMessage.Body!);
        var task = body.RootElement;
        Assert.StartsWith("Call Piet Pietersen", task.GetProperty("title").GetString());
        Assert.Equal("high", task.GetProperty("importance").GetString());
        Assert.Equal("2026-11-30T08:00:00", task.GetProperty("dueDateTime").GetProperty("dateTime").GetString());
        Assert.Equal("UTC", task.GetProperty("dueDateTime").GetProperty("timeZone").GetString());
        Assert.Contains("Phone: +31612345678", task.GetProperty("body").GetProperty("content").GetString());
    }
}
