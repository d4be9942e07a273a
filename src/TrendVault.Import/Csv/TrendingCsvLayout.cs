namespace TrendVault.Import.Csv;

/// <summary>The three layouts the public trending datasets were published in (see SOURCES.md beside the shared files).</summary>
public enum TrendingCsvLayout
{
    /// <summary>2017-09: <c>video_id,title,channel_title,category_id,tags,views,likes,dislikes,comment_total,thumbnail_link,date</c>; <c>date</c> is dd.mm in 2017.</summary>
    First2017,

    /// <summary>2017-11 .. 2018-06: <c>video_id,trending_date,title,channel_title,…,description</c>; <c>trending_date</c> is yy.dd.mm.</summary>
    Classic2017,

    /// <summary>2020 onwards ("updated daily"): <c>video_id,title,publishedAt,channelId,…</c>; ISO-8601 dates.</summary>
    Daily2020,
}
