using System.Text.Json;
using System.Text.Json.Serialization;
using DtcNotify.Teams.Connector;

namespace DtcNotify.Teams.Schema;

/// <summary>Source-generated serialization for everything this library reads or writes on the wire.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(OutgoingActivity))]
[JsonSerializable(typeof(AdaptiveCardInvokeBody))]
[JsonSerializable(typeof(InvokeError))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(TeamsChannelAccount))]
[JsonSerializable(typeof(ComposeExtensionResponse))]
public sealed partial class TeamsJsonContext : JsonSerializerContext;
