using Google.Apis.Requests;
using Google.Apis.Services;
using Google.Apis.Util;
using TrendVault.YouTube.Api.Data;

namespace TrendVault.YouTube.Api;

/// <summary>i18nRegions.list: the content regions YouTube supports.</summary>
public sealed class I18nRegionsListRequest : ClientServiceRequest<I18nRegionListResponse>
{
    public I18nRegionsListRequest(IClientService service, string part) : base(service)
    {
        Part = part;
        InitParameters();
    }

    [RequestParameter("part", RequestParameterType.Query)]
    public string Part { get; }

    [RequestParameter("hl", RequestParameterType.Query)]
    public string? Hl { get; set; }

    public override string MethodName => "list";

    public override string HttpMethod => "GET";

    public override string RestPath => "i18nRegions";

    protected override void InitParameters()
    {
        base.InitParameters();
        RequestParameters.Add("part", VideosListRequest.Query("part", required: true));
        RequestParameters.Add("hl", VideosListRequest.Query("hl"));
    }
}
