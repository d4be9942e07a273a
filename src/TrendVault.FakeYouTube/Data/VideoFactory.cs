namespace TrendVault.FakeYouTube.Data;

/// <summary>Generates pool video number <c>index</c>; every attribute is a function of the index alone.</summary>
internal static class VideoFactory
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    // Real video ids end in one of these 16 characters, so an 11-character id carries exactly 64 bits.
    private const string LastIdChars = "AEIMQUYcgkosw048";
    private const int ChannelCount = 600;
    private static readonly DateTimeOffset PublishedFrom = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Adjectives =
        ["Midnight", "Golden", "Electric", "Silent", "Wild", "Lost", "Crimson", "Endless", "Tiny", "Brave", "Frozen", "Neon"];
    private static readonly string[] Nouns =
        ["River", "Kingdom", "Signal", "Garden", "Machine", "Echo", "Harbor", "Rocket", "Forest", "Mirror", "Circuit", "Lantern"];
    private static readonly string[] FirstNames = ["Ava", "Mateo", "Priya", "Kenji", "Lena", "Omar", "Sofia", "Tunde", "Mia", "Lucas"];
    private static readonly string[] LastNames = ["Rivera", "Okafor", "Tanaka", "Novak", "Haddad", "Silva", "Kim", "Larsen", "Mehta", "Dubois"];
    private static readonly string[] Cities = ["Lagos", "Osaka", "Lisbon", "Austin", "Mumbai", "Seoul", "Bogotá", "Kraków"];
    private static readonly string[] Languages = ["en", "en-US", "en-GB", "es", "pt", "hi", "ja", "ko", "de", "fr", "id"];
    private static readonly string[] AssignableCategories =
        ["1", "2", "10", "15", "17", "19", "20", "22", "23", "24", "25", "26", "27", "28"];
    private static readonly long[] ViewMagnitudes = [10_000, 100_000, 1_000_000, 10_000_000];

    public static FakeVideo Create(int index)
    {
        var rng = new StableRandom(StableRandom.Mix((ulong)index));
        var channel = (int)(StableRandom.Mix((ulong)index ^ 0xC4A77E1) % ChannelCount);
        var channelTitle = ChannelTitle(channel);
        var adjective = rng.Pick(Adjectives);
        var noun = rng.Pick(Nouns);
        var live = index % 50 == 7;
        var title = live ? $"🔴 LIVE: {adjective} {noun} Night in {rng.Pick(Cities)}" : Title(rng, index, adjective, noun);
        var audioLanguage = index % 6 == 5 ? null : rng.Pick(Languages);

        return new FakeVideo(
            index,
            VideoId(index),
            PublishedFrom.AddSeconds(rng.Next(31 * 24 * 3600)),
            ChannelId(channel),
            channelTitle,
            title,
            Description(rng, index, title, adjective, noun, channelTitle),
            Tags: index % 5 == 2 ? null : Tags(rng, adjective, noun, channelTitle),
            CategoryId: rng.Pick(AssignableCategories),
            LiveBroadcastContent: live ? "live" : "none",
            DefaultLanguage: index % 4 == 1 ? audioLanguage ?? "en" : null,
            DefaultAudioLanguage: audioLanguage,
            Duration: live ? "P0D" : Duration(rng, withHours: index % 10 == 4),
            Definition: index % 13 == 0 ? "sd" : "hd",
            Caption: !live && rng.Chance(40),
            LicensedContent: rng.Chance(80),
            HasMaxResThumbnail: index % 8 != 6,
            LikesHidden: index % 17 == 5,
            CommentsDisabled: index % 19 == 7)
        {
            Growth = Growth(rng, huge: index % 150 == 0),
        };
    }

    public static string VideoId(int index)
    {
        var bits = StableRandom.Mix((ulong)index + 0x5EED);
        Span<char> id = stackalloc char[11];
        for (var i = 0; i < 10; i++, bits >>= 6)
        {
            id[i] = Alphabet[(int)(bits & 63)];
        }

        id[10] = LastIdChars[(int)bits];
        return new string(id);
    }

    private static string ChannelId(int channel)
    {
        var rng = new StableRandom((ulong)channel + 0xC11A);
        var id = new char[24];
        id[0] = 'U';
        id[1] = 'C';
        for (var i = 2; i < 23; i++)
        {
            id[i] = Alphabet[rng.Next(64)];
        }

        id[23] = "AQgw"[rng.Next(4)];
        return new string(id);
    }

    private static string ChannelTitle(int channel)
    {
        var rng = new StableRandom((ulong)channel * 7919 + 17);
        return (channel % 5) switch
        {
            0 => $"{rng.Pick(FirstNames)} {rng.Pick(LastNames)}",
            1 => $"{rng.Pick(Adjectives)} {rng.Pick(Nouns)} TV",
            2 => $"The {rng.Pick(Nouns)} Show",
            3 => $"{rng.Pick(Nouns)} Official",
            _ => $"{rng.Pick(FirstNames)} Plays",
        };
    }

    private static string Title(StableRandom rng, int index, string adjective, string noun) => (index % 7) switch
    {
        0 => $"{adjective} {noun} – Official Trailer (HD)",
        1 => $"I Tried Living Like a {noun} for 30 Days",
        2 => $"{rng.Pick(Cities)} vs {rng.Pick(Cities)} | Extended Highlights",
        3 => $"{rng.Pick(FirstNames)} {rng.Pick(LastNames)} - \"{adjective} {noun}\" (Official Music Video)",
        4 => $"How to Build a {noun} in 10 Minutes, Step by Step",
        5 => $"{adjective} {noun} & Friends | Episode {rng.Next(1, 120)}",
        _ => $"Café {noun}: première édition",
    };

    // Mixes the shapes clients meet: multi-line text with quotes and commas, one-liners and empty strings.
    private static string Description(StableRandom rng, int index, string title, string adjective, string noun, string channel) =>
        (index % 4) switch
        {
            0 => $"{title}\n\nWatch \"{adjective} {noun}\", the new episode from {channel}, now streaming.\n" +
                 $"Cast: {rng.Pick(FirstNames)} {rng.Pick(LastNames)}, {rng.Pick(FirstNames)} {rng.Pick(LastNames)}, and more.\n\n" +
                 $"Follow us:\nhttps://www.youtube.com/@{channel.Replace(" ", "")}\n\n#{adjective}{noun} #{noun.ToLowerInvariant()}",
            1 => $"{adjective} {noun} from {channel}.",
            2 => "",
            _ => $"Recorded live in {rng.Pick(Cities)}, 2025.\nThanks for watching, and don't forget to subscribe!",
        };

    private static string[] Tags(StableRandom rng, string adjective, string noun, string channel)
    {
        string[] candidates =
        [
            noun.ToLowerInvariant(), $"{adjective} {noun}".ToLowerInvariant(), channel.ToLowerInvariant(),
            "official", "2026", "trending", "music", "vlog", "highlights", "new", "live", "shorts",
        ];
        return candidates[..rng.Next(3, candidates.Length + 1)];
    }

    private static string Duration(StableRandom rng, bool withHours)
    {
        var hours = withHours ? rng.Next(1, 4) : 0;
        var minutes = rng.Next(hours > 0 ? 60 : 25);
        var seconds = rng.Chance(10) ? 0 : rng.Next(60);
        if (hours + minutes == 0)
        {
            seconds = Math.Max(seconds, 15);
        }

        return "PT" + (hours > 0 ? $"{hours}H" : "") + (minutes > 0 ? $"{minutes}M" : "") + (seconds > 0 ? $"{seconds}S" : "");
    }

    // Linear growth that doubles a video's views in two weeks to a year, so a year-long demo stays plausible.
    private static VideoGrowth Growth(StableRandom rng, bool huge)
    {
        var magnitude = rng.Pick(ViewMagnitudes);
        var views = huge ? rng.NextLong(3_000_000_000, 9_000_000_000) : magnitude + rng.NextLong(0, magnitude * 4);
        var viewsPerHour = huge ? rng.NextLong(20_000, 200_000) : Math.Max(50, views / rng.Next(24 * 14, 24 * 365));
        var likeDivisor = rng.Next(15, 80);
        var commentDivisor = rng.Next(100, 1000);
        return new VideoGrowth(
            views, viewsPerHour,
            views / likeDivisor, Math.Max(1, viewsPerHour / likeDivisor),
            views / commentDivisor, Math.Max(1, viewsPerHour / commentDivisor));
    }
}
