using System.Text.Json;
using System.Text.Json.Serialization;
using DtcNotify.Domain.Triage;

namespace DtcNotify.Data.Configurations;

/// <summary>
/// The JSON columns of a case (measures, triage explanation), source-generated with the web defaults: the same text as
/// <c>JsonSerializerOptions.Web</c>, without reflection. A large import converts them for some 80,000 new cases.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<CriterionResult>))]
internal sealed partial class CaseJsonContext : JsonSerializerContext;
