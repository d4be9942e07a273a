using Google.Apis.Discovery;
using Google.Apis.Requests;
using Google.Apis.Services;
using Google.Apis.Util;
using TrendVault.YouTube.Api.Data;

namespace TrendVault.YouTube.Api;

/// <summary>videos.list: either a chart (chart=mostPopular, regionCode) or explicit ids.</summary>
public sealed class VideosListRequest : ClientServiceRequest<VideoListResponse>
{
    public VideosListRequest(IClientService service, string part) : base(service)
    {
        Part = part;
        InitParameters();
    }

    [RequestParameter("part", RequestParameterType.Query)]
    public string Part { get; }

    [RequestParameter("chart", RequestParameterType.Query)]
    public string? Chart { get; set; }

    [RequestParameter("regionCode", RequestParameterType.Query)]
    public string? RegionCode { get; set; }

    /// <summary>Sent as repeated id= parameters, as Google's own clients do.</summary>
    [RequestParameter("id", RequestParameterType.Query)]
    public Repeatable<string>? Id { get; set; }

    [RequestParameter("maxResults", RequestParameterType.Query)]
    public long? MaxResults { get; set; }

    [RequestParameter("pageToken", RequestParameterType.Query)]
    public string? PageToken { get; set; }

    [RequestParameter("hl", RequestParameterType.Query)]
    public string? Hl { get; set; }

    public override string MethodName => "list";

    public override string HttpMethod => "GET";

    public override string RestPath => "videos";

    protected override void InitParameters()
    {
        base.InitParameters();
        RequestParameters.Add("part", Query("part", required: true));
        RequestParameters.Add("chart", Query("chart"));
        RequestParameters.Add("regionCode", Query("regionCode"));
        RequestParameters.Add("id", Query("id"));
        RequestParameters.Add("maxResults", Query("maxResults"));
        RequestParameters.Add("pageToken", Query("pageToken"));
        RequestParameters.Add("hl", Query("hl"));
    }

    internal static Parameter Query(string name, bool required = false) =>
        new() { Name = name, IsRequired = required, ParameterType = "query" };
}
