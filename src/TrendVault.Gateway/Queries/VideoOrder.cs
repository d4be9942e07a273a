namespace TrendVault.Gateway.Queries;

/// <summary>
/// One sort of the video list: its column, direction and whether videos may lack a value (those sort
/// last), with ties broken by video id. Each sort has its index, which a cursor's page enters at the
/// cursor's value instead of reading the rows before it.
/// </summary>
internal sealed record VideoOrder(string Column, bool Descending, bool Nullable)
{
    public static VideoOrder For(VideoSort sort) => sort switch
    {
        VideoSort.FirstSeen => new("v.first_seen_at", Descending: true, Nullable: false),
        VideoSort.Published => new("v.published_at", Descending: true, Nullable: true),
        VideoSort.Title => new("v.title", Descending: false, Nullable: false),
        VideoSort.Views => new("g.latest_views", Descending: true, Nullable: true),
        _ => new("g.last_seen_at", Descending: true, Nullable: false),
    };

    /// <summary>The order by bare column names, valid inside the page query and outside it.</summary>
    public string By => $"{Column[2..]}{(Descending ? " DESC" : "")}{(Nullable ? " NULLS LAST" : "")}, youtube_id";

    /// <summary>
    /// The first <paramref name="limit"/> rows of <paramref name="select"/> (which ends in its WHERE) after a
    /// cursor: the cursor's own value from the next id on, then the values beyond it, then, for a nullable
    /// sort, the videos without a value. <paramref name="key"/> is null when the cursor row had no value.
    /// </summary>
    public string RowsAfter(string select, string? key, string id, string limit)
    {
        if (key is null)
        {
            return $"{select} AND {Column} IS NULL AND v.youtube_id > {id} ORDER BY {By} LIMIT {limit}";
        }
        var beyond = Descending ? "<" : ">";
        var valued = $"({select} AND {Column} {beyond}= {key} AND ({Column} {beyond} {key} OR v.youtube_id > {id}) ORDER BY {By} LIMIT {limit})";
        return Nullable
            ? $"SELECT * FROM ({valued} UNION ALL ({select} AND {Column} IS NULL ORDER BY {By} LIMIT {limit})) AS rows ORDER BY {By} LIMIT {limit}"
            : valued;
    }
}
