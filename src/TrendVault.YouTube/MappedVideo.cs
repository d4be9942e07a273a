using TrendVault.Model;

namespace TrendVault.YouTube;

/// <summary>One API item as mapped: the video (null when the item was unusable) and what had to be repaired or made it unusable.</summary>
public readonly record struct MappedVideo(VideoObservation? Video, ItemDefects Defects);
