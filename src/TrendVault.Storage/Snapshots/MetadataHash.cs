using System.IO.Hashing;
using System.Runtime.InteropServices;
using TrendVault.Model;

namespace TrendVault.Storage.Snapshots;

/// <summary>A 64-bit digest of everything <c>videos</c> stores about a video's metadata.</summary>
internal static class MetadataHash
{
    public static long Of(VideoMetadata video)
    {
        var hash = new XxHash3();
        // Length-prefixed fields: no two different videos can feed the same bytes.
        Append(hash, video.Title);
        Append(hash, video.Description);
        Append(hash, video.ChannelId);
        Append(hash, video.ChannelTitle);
        Append(hash, video.CategoryId ?? -1);
        Append(hash, video.PublishedAt?.UtcTicks ?? long.MinValue);
        Append(hash, video.Duration is { } duration ? (int)duration.TotalSeconds : -1);
        Append(hash, video.ThumbnailUrl);
        Append(hash, video.DefaultAudioLanguage);
        Append(hash, video.Tags.Count);
        foreach (var tag in video.Tags)
        {
            Append(hash, tag);
        }
        return unchecked((long)hash.GetCurrentHashAsUInt64());
    }

    private static void Append(XxHash3 hash, string? value)
    {
        Append(hash, value?.Length ?? -1);
        hash.Append(MemoryMarshal.AsBytes(value.AsSpan()));
    }

    private static void Append<T>(XxHash3 hash, T value) where T : unmanaged =>
        hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)));
}
