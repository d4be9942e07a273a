using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrendVault.Gateway.Contracts;

/// <summary>
/// Source-generated JSON for the answers the gateway caches, with the web defaults the rest of the API
/// uses. A year's hourly series is 8,760 points: generated code writes it without reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<SnapshotPoint>))]
[JsonSerializable(typeof(VideoDetail))]
[JsonSerializable(typeof(TrendingBoard))]
[JsonSerializable(typeof(IReadOnlyList<TopGainer>))]
public sealed partial class CachedAnswersJsonContext : JsonSerializerContext;
