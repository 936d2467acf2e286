using System.Text.Json;
using System.Text.Json.Serialization;

namespace DtcNotify.Feeds.Input;

/// <summary>Source-generated metadata so streaming JSON needs no reflection.</summary>
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class FeedJsonContext : JsonSerializerContext;
