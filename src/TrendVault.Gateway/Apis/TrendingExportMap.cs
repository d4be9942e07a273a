using CsvHelper.Configuration;
using TrendVault.Gateway.Queries;

namespace TrendVault.Gateway.Apis;

/// <summary>Column names of the classic dataset; times in ISO-8601 UTC, booleans as True/False like the original.</summary>
public sealed class TrendingExportMap : ClassMap<TrendingExportRow>
{
    public TrendingExportMap()
    {
        Map(r => r.VideoId).Name("video_id");
        Map(r => r.TrendingDate).Name("trending_date").TypeConverterOption.Format("yyyy-MM-dd'T'HH:mm:ss'Z'");
        Map(r => r.Title).Name("title");
        Map(r => r.ChannelTitle).Name("channel_title");
        Map(r => r.CategoryId).Name("category_id");
        Map(r => r.PublishTime).Name("publish_time").TypeConverterOption.Format("yyyy-MM-dd'T'HH:mm:ss'Z'");
        Map(r => r.Tags).Name("tags");
        Map(r => r.Views).Name("views");
        Map(r => r.Likes).Name("likes");
        Map(r => r.Dislikes).Name("dislikes");
        Map(r => r.CommentCount).Name("comment_count");
        Map(r => r.ThumbnailLink).Name("thumbnail_link");
        Map(r => r.CommentsDisabled).Name("comments_disabled").TypeConverterOption.BooleanValues(true, true, "True").TypeConverterOption.BooleanValues(false, true, "False");
        Map(r => r.RatingsDisabled).Name("ratings_disabled").TypeConverterOption.BooleanValues(true, true, "True").TypeConverterOption.BooleanValues(false, true, "False");
        Map(r => r.VideoErrorOrRemoved).Name("video_error_or_removed").TypeConverterOption.BooleanValues(true, true, "True").TypeConverterOption.BooleanValues(false, true, "False");
        Map(r => r.Description).Name("description");
        Map(r => r.Region).Name("region");
        Map(r => r.Rank).Name("rank");
    }
}
