using System.Text.Json;
using DtcNotify.Teams.Schema;

namespace DtcNotify.Teams.Tests.Schema;

public sealed class ComposeExtensionTests
{
    private static Activity Parse(string json) => JsonSerializer.Deserialize(json, TeamsJsonContext.Default.Activity)!;

    [Fact]
    public void A_search_query_is_read_from_the_invoke_value()
    {
        // teams-protocol §C.6.
        var activity = Parse("""
            { "type": "invoke", "name": "composeExtension/query",
              "value": { "commandId": "lookupCompany", "parameters": [ { "name": "query", "value": "Contoso" } ], "queryOptions": { "skip": 0, "count": 25 } } }
            """);

        Assert.True(ComposeExtensionQuery.TryRead(activity, out var query));
        Assert.Equal("lookupCompany", query.CommandId);
        Assert.Equal("Contoso", query.Parameter("query"));
        Assert.False(query.IsInitialRun);
    }

    [Theory]
    [InlineData("\"true\"")]
    [InlineData("true")]
    public void The_initial_run_is_recognised_as_string_or_boolean(string value)
    {
        var activity = Parse($$"""{ "type": "invoke", "value": { "commandId": "lookupCompany", "parameters": [ { "name": "initialRun", "value": {{value}} } ] } }""");

        Assert.True(ComposeExtensionQuery.TryRead(activity, out var query));
        Assert.True(query.IsInitialRun);
        Assert.Null(query.Parameter("query"));
    }

    [Fact]
    public void A_result_answer_has_the_documented_shape()
    {
        var card = JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[]}""").RootElement;

        var response = ComposeExtensionResponse.Results([new ComposeExtensionAttachment(ContentTypes.AdaptiveCard, card, new ComposeExtensionPreview(new ThumbnailCardContent("Contoso", "KvK 1", "2 open")))]);

        Assert.Equal(200, response.HttpStatus);
        var body = response.Body!.Value.GetProperty("composeExtension");
        Assert.Equal("result", body.GetProperty("type").GetString());
        Assert.Equal("list", body.GetProperty("attachmentLayout").GetString());
        var attachment = body.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.Equal("application/vnd.microsoft.card.thumbnail", attachment.GetProperty("preview").GetProperty("contentType").GetString());
        Assert.Equal("Contoso", attachment.GetProperty("preview").GetProperty("content").GetProperty("title").GetString());
    }
}
