using System.Text.Json;
using System.Text.Json.Serialization;

namespace DtcNotify.Domain.Playbook;

/// <summary>
/// Source-generated, so loading needs no reflection. Unknown members are refused: a misspelt field
/// ("explaination") would otherwise silently vanish from the advice.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    AllowDuplicateProperties = false,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(PlaybookDocument))]
internal sealed partial class PlaybookJsonContext : JsonSerializerContext;
