using Google.Apis.Requests;
using Google.Apis.Services;
using Google.Apis.Util;
using TrendVault.YouTube.Api.Data;

namespace TrendVault.YouTube.Api;

/// <summary>videoCategories.list for one region.</summary>
public sealed class VideoCategoriesListRequest : ClientServiceRequest<VideoCategoryListResponse>
{
    public VideoCategoriesListRequest(IClientService service, string part) : base(service)
    {
        Part = part;
        InitParameters();
    }

    [RequestParameter("part", RequestParameterType.Query)]
    public string Part { get; }

    [RequestParameter("regionCode", RequestParameterType.Query)]
    public string? RegionCode { get; set; }

    [RequestParameter("hl", RequestParameterType.Query)]
    public string? Hl { get; set; }

    public override string MethodName => "list";

    public override string HttpMethod => "GET";

    public override string RestPath => "videoCategories";

    protected override void InitParameters()
    {
        base.InitParameters();
        RequestParameters.Add("part", VideosListRequest.Query("part", required: true));
        RequestParameters.Add("regionCode", VideosListRequest.Query("regionCode"));
        RequestParameters.Add("hl", VideosListRequest.Query("hl"));
    }
}
